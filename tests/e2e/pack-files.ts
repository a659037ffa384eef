// What both pack tests need besides a browser: pack files on disk to hand to the options page's
// file input (removed after the run), and the options page's pack list as the reader sees it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackFiles {
  dir: string;
  /** Writes `text` to `name` in the folder and returns its path. */
  file(name: string, text: string): string;
  remove(): void;
}

export function packFiles(): PackFiles {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-packs-'));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface PackRow {
  id: string;
  enabled: boolean;
  text: string;
}

/** Runs in the options page (handed to `evaluate`): each listed pack, its switch and its text. */
export function packRowsInPage(): PackRow[] {
  return [...document.querySelectorAll<HTMLElement>('[data-pack-id]')].map((el) => ({
    id: el.dataset.packId ?? '',
    enabled: el.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked ?? false,
    text: el.innerText.replace(/\s+/g, ' ').trim(),
  }));
}
