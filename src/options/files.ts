// Files on the options page: a download made in the page (no downloads permission needed), the
// JSON file picker each import uses, and reading the notes file the reader picked.
import { NOTES_IMPORT_MAX_CHARS } from '../core/notes';
import { el } from '../shared/dom';

/** A labelled `<input type=file>` for one JSON file (packs, notes, reading memory). */
export function jsonFilePicker(name: string, label: string, className: string, labelTextClass = ''): { file: HTMLInputElement; label: HTMLLabelElement } {
  const file = el('input');
  file.type = 'file';
  file.accept = '.json,application/json';
  file.name = name;
  const wrap = el('label', className);
  wrap.append(el('span', labelTextClass, label), file);
  return { file, label: wrap };
}

export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download at once; the URL only has to outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chosen file's text; null when none was chosen; throws `tooLarge` for a file too big to be an export. */
export async function readChosenFile(input: HTMLInputElement, maxChars = NOTES_IMPORT_MAX_CHARS, tooLarge = 'the file is too large to be a notes export'): Promise<string | null> {
  const file = input.files?.[0];
  if (!file) return null;
  // A UTF-8 character is at least one byte, so a file this large holds too many characters as well.
  if (file.size > maxChars) throw new Error(tooLarge);
  return file.text();
}
