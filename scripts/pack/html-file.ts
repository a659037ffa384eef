// A saved HTML page read as the pack builder reads it, for `pack build` and `pack check` alike:
// the bytes decoded in the encoding the page declares, then parsed into a document of one jsdom
// window whose classes are the DOM globals, so the content script's `instanceof Element` checks
// see one Element class.
import { readFileSync } from 'node:fs';
// @ts-expect-error -- the project has no @types/jsdom; only the constructor and its window are used.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>') as { window: Window & typeof globalThis };
// The content modules use DOM globals, as in the browser.
for (const name of ['Element', 'Node', 'Text', 'NodeFilter', 'HTMLElement', 'Document'] as const) Object.assign(globalThis, { [name]: window[name] });
const parser = new window.DOMParser();

/** The page's text in the encoding it declares (a byte-order mark, else a <meta> charset in its
 *  first kilobytes, as a browser sniffs it); UTF-8 when it declares none or one Node lacks. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A saved page as a document of this module's window. */
export function readHtml(path: string): Document {
  return parser.parseFromString(decodeHtml(readFileSync(path)), 'text/html');
}
