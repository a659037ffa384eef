// Which spellings of a form count. The regex matches names in any case (it cannot tell a sentence
// start from a common noun); this check decides, so "trump card" and "moon" stay plain words.
import { APOS_CHARS, HYPHEN_CHARS, stripDiacritics } from './fold';
import type { SurfaceForm } from './forms';

const HYPHENS = new RegExp(`[${HYPHEN_CHARS.join('')}]`, 'gu');
const SPACES = /[ \u00A0]+/gu;
const ASCII = /^[\x20-\x7e]*$/;
const APOS = new RegExp(`[${APOS_CHARS.join('')}]`, 'gu');

function plain(s: string): string {
  return ASCII.test(s) ? s : stripDiacritics(s).replace(APOS, "'");
}

function normalizeExact(s: string): string {
  return s.replace(HYPHENS, '-').replace(SPACES, ' ');
}

export function isAllCaps(s: string): boolean {
  if (ASCII.test(s)) return /[A-Z]/.test(s) && !/[a-z]/.test(s);
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/**
 * - Acronyms: exactly as written ("SPA", never "Spa"/"spa").
 * - A name must keep its capital initial (a lower-case pack term may gain one: "Working-level
 *   talks"); after that, multi-word names accept any case ("Kim Jong-un", "New Year's address").
 * - One-word names must match as written after the initial ("Trump", not "TRuMP").
 * - ALL CAPS (headlines): full names always, short forms only in headings.
 */
export function caseAllowed(surface: string, form: SurfaceForm, inHeading: boolean): boolean {
  if (form.acronym) return normalizeExact(surface) === normalizeExact(form.text);
  const s = plain(surface);
  const f = plain(form.text);
  if (isAllCaps(s) && s.length > 1) return form.role === 'full' || inHeading;
  const s0 = s.charAt(0);
  const f0 = f.charAt(0);
  if (s0 !== f0 && s0 !== f0.toUpperCase()) return false;
  const multiWord = /[ \u00A0\-\u2010\u2011]/u.test(f);
  return multiWord || s.slice(1) === f.slice(1);
}
