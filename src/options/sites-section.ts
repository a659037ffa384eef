// Options section for the sites Backstory runs on: list, add, remove. Renders into `el` and un-hides it.
export async function mountSites(_el: HTMLElement): Promise<void> {
  // Not built yet: the section stays hidden rather than showing controls that do nothing.
}
