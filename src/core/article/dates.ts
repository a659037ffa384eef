// Dates as articles write them ("August 31", "Aug. 31", "on Saturday", "in April"), resolved to
// ISO with the page's date when the year or the week is not written.

export interface FoundDate {
  /** ISO date or partial date ("2019-08-31", "2019-04"); absent when it cannot be resolved. */
  iso?: string;
  /** As written, without the preposition: "August 31", "Saturday", "April". */
  text: string;
  /** Offsets of `text` in the searched string. */
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4})\\b)?`, 'g');
// A bare month needs a preposition, or "May" the verb would be a date.
const IN_MONTH = new RegExp(`\\b(?:(?:in|since|until|by|during|early|late|last|this)\\s+|mid-)${MONTH}(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`, 'gu');
const WEEKDAY = /\b(?:on\s+|last\s+|this\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const RELATIVE = /\b(yesterday|today)\b/g;
// "last month", "earlier this year", "last week": a month or year from the page's date; a week
// cannot be placed on a day, so it keeps its words.
const RELATIVE_SPAN = /\b(?:(?:earlier|later)\s+)?(last|this|next|previous)\s+(week|month|year)\b/giu;

interface PageDate {
  year: number;
  month?: number;
  day?: number;
}

export function parsePageDate(iso: string | undefined): PageDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** A month after the page's month is last year's: an article in March writing "in November". */
function yearFor(month: number, page: PageDate | undefined): number | undefined {
  if (!page) return undefined;
  return page.month !== undefined && month > page.month ? page.year - 1 : page.year;
}

function shiftDays(page: Required<PageDate>, days: number): string {
  const d = new Date(Date.UTC(page.year, page.month - 1, page.day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function fullPage(page: PageDate | undefined): Required<PageDate> | undefined {
  return page && page.month !== undefined && page.day !== undefined ? (page as Required<PageDate>) : undefined;
}

function relativeSpan(which: string, unit: string, page: PageDate | undefined): { iso?: string } {
  const step = which === 'this' ? 0 : which === 'next' ? 1 : -1;
  if (!page || unit === 'week') return {};
  if (unit === 'year') return { iso: String(page.year + step) };
  if (page.month === undefined) return {};
  const d = new Date(Date.UTC(page.year, page.month - 1 + step, 1));
  return { iso: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` };
}

/** Every date expression in `text`, in order, overlapping ones reduced to the longest. */
export function findDates(text: string, pageDate?: string): FoundDate[] {
  const page = parsePageDate(pageDate);
  const found: FoundDate[] = [];
  const push = (d: FoundDate) => found.push(d);

  for (const m of text.matchAll(MONTH_DAY)) {
    const month = monthNumber(m[1] ?? '');
    const day = Number(m[2]);
    if (!month || day < 1 || day > 31) continue;
    const year = m[3] ? Number(m[3]) : yearFor(month, page);
    push({ text: m[0], start: m.index, end: m.index + m[0].length, iso: year ? `${year}-${pad(month)}-${pad(day)}` : undefined });
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = monthNumber(m[2] ?? '');
    const day = Number(m[1]);
    if (!month || day < 1 || day > 31) continue;
    const year = m[3] ? Number(m[3]) : yearFor(month, page);
    push({ text: m[0], start: m.index, end: m.index + m[0].length, iso: year ? `${year}-${pad(month)}-${pad(day)}` : undefined });
  }
  for (const m of text.matchAll(IN_MONTH)) {
    const month = monthNumber(m[1] ?? '');
    if (!month) continue;
    const year = m[2] ? Number(m[2]) : yearFor(month, page);
    const textStart = m.index + m[0].indexOf(m[1] ?? '');
    push({ text: text.slice(textStart, m.index + m[0].length), start: textStart, end: m.index + m[0].length, iso: year ? `${year}-${pad(month)}` : undefined });
  }
  const full = fullPage(page);
  // Without a full page date a weekday or "yesterday" cannot be placed: it keeps its words, which
  // a reader can still place ("on Thursday") better than nothing.
  const pageDow = full ? new Date(Date.UTC(full.year, full.month - 1, full.day)).getUTCDay() : 0;
  for (const m of text.matchAll(WEEKDAY)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].indexOf(name);
    // News uses a bare weekday for the past week: the latest such day up to the page date.
    const back = (pageDow - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7;
    push({ text: name, start, end: start + name.length, ...(full ? { iso: shiftDays(full, -back) } : {}) });
  }
  for (const m of text.matchAll(RELATIVE)) {
    const word = m[1] ?? '';
    push({ text: word, start: m.index, end: m.index + word.length, ...(full ? { iso: shiftDays(full, word.toLowerCase() === 'yesterday' ? -1 : 0) } : {}) });
  }
  for (const m of text.matchAll(RELATIVE_SPAN)) {
    // "on August 31 this year": the span only says which August 31, already placed by the page.
    if (found.some((d) => d.iso !== undefined && /^,?\s+$/u.test(text.slice(d.end, m.index)))) continue;
    push({ text: m[0], start: m.index, end: m.index + m[0].length, ...relativeSpan((m[1] ?? '').toLowerCase(), (m[2] ?? '').toLowerCase(), page) });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FoundDate[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}
