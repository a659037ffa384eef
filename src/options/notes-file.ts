// Files for the notes section: a download made in the page (no downloads permission needed) and
// reading the file the reader picked, with a size check before reading it.
import { NOTES_IMPORT_MAX_CHARS } from '../core/notes';

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

/** The chosen file's text; null when none was chosen; throws a readable reason for a file too big to be an export. */
export async function readChosenFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  if (!file) return null;
  // A UTF-8 character is at least one byte, so a file this large holds too many characters as well.
  if (file.size > NOTES_IMPORT_MAX_CHARS) throw new Error('the file is too large to be a notes export');
  return file.text();
}
