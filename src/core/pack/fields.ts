// Field-level schemas shared by the pack schema: ids, single-line text, paragraphs, dates, URLs.
import * as v from 'valibot';
import { ID_PATTERN, MAX_URL_LENGTH, MIN_ALIAS_LENGTH } from './limits';

// Control characters other than tab/newline are invisible on screen but break matching and layout.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
const LINE_BREAK = /[\n\r\t]/;

/** " (got 5)": what the field held, for messages; nothing when it was missing. */
export const got = (issue: v.BaseIssue<unknown>) => (issue.received === 'undefined' ? '' : ` (got ${issue.received})`);

export function idField() {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.regex(ID_PATTERN, (i) => `${i.received} is not a valid id: use 1–80 lowercase letters, digits and hyphens, starting with a letter or digit`),
  );
}

/** One line of text: names, aliases, titles. */
export function lineField(max: number, min = 1) {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
    v.check((s) => s === s.trim(), 'has spaces at the start or end'),
    v.check((s) => s.length >= min, `is shorter than ${min} characters`),
    v.maxLength(max, (i) => `is ${i.received} characters long, the limit is ${max}`),
    v.check((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'contains a line break or control character'),
  );
}

export function aliasField(max: number) {
  return lineField(max, MIN_ALIAS_LENGTH);
}

/** Prose: summaries, facts, descriptions. Line breaks allowed, other control characters not. */
export function proseField(max: number) {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
    v.maxLength(max, (i) => `is ${i.received} characters long, the limit is ${max}`),
    v.check((s) => !CONTROL.test(s), 'contains a control character'),
  );
}

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2019", "2019-09" or "2019-09-03", and a real calendar date. */
export function isPartialIsoDate(s: string): boolean {
  const m = DATE_SHAPE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export function dateField() {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.check(isPartialIsoDate, (i) => `${i.received} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`),
  );
}

function isWebUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    return Boolean(new URL(s).host);
  } catch {
    return false;
  }
}

export function urlField() {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.maxLength(MAX_URL_LENGTH, (i) => `is ${i.received} characters long, the limit is ${MAX_URL_LENGTH}`),
    v.check(isWebUrl, 'must be an http:// or https:// address'),
  );
}

export function listField<T extends v.GenericSchema<unknown, unknown, v.BaseIssue<unknown>>>(item: T, max: number) {
  return v.pipe(
    v.array(item, (i) => `must be a list${got(i)}`),
    v.maxLength(max, (i) => `has ${i.received} items, the limit is ${max}`),
  );
}

// An SPDX licence id ("CC0-1.0", "CC-BY-SA-4.0", "LicenseRef-…") or an expression of them joined
// by AND/OR/WITH; the list of ids changes, so only the shape is checked.
const SPDX_ID = '[A-Za-z0-9][A-Za-z0-9.+-]*';
const SPDX_EXPRESSION = new RegExp(`^${SPDX_ID}(?: (?:AND|OR|WITH) ${SPDX_ID})*$`);

export function licenseField() {
  return v.pipe(
    v.string((i) => `must be text${got(i)}`),
    v.maxLength(200, (i) => `is ${i.received} characters long, the limit is 200`),
    v.regex(SPDX_EXPRESSION, (i) => `${i.received} is not an SPDX licence id such as "CC0-1.0", "CC-BY-4.0" or "MIT"`),
  );
}

/** Licences whose terms ask every copy to credit the source: the pack must carry that credit. */
export function licenseNeedsCredit(license: string): boolean {
  return /(^|[ (])(CC-BY|ODbL|ODC-By)/i.test(license);
}
