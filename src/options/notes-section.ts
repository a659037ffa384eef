// Options section for the reader's notes: list, edit, delete, export, import. Renders into `el` and un-hides it.
export async function mountNotes(_el: HTMLElement): Promise<void> {
  // Not built yet: the section stays hidden rather than showing controls that do nothing.
}
