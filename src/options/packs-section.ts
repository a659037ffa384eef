// Options section for knowledge packs: list, enable/disable, import, export, remove. Renders into `el` and un-hides it.
export async function mountPacks(_el: HTMLElement): Promise<void> {
  // Not built yet: the section stays hidden rather than showing controls that do nothing.
}
