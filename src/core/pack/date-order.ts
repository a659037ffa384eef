// Ordering dates of different precision ("2019", "2019-09", "2019-09-03"). A date is later than a
// reference only when it is later at its own precision: "2019-09" is not later than 3 September
// 2019 (it may name the same days), "2019-10" is.

/** True when `date` certainly falls after `reference`. Both are YYYY, YYYY-MM or YYYY-MM-DD. */
export function isLaterThan(date: string, reference: string): boolean {
  const n = Math.min(date.length, reference.length);
  return date.slice(0, n) > reference.slice(0, n);
}
