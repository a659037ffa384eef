// Human-readable byte counts for error messages ("12 MB", "5 MB", "300 KB").

const KB = 1024;
const MB = 1024 * 1024;

function oneDecimal(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

export function formatSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${oneDecimal(bytes / KB)} KB`;
  const mb = bytes / MB;
  return mb < 10 ? `${oneDecimal(mb)} MB` : `${Math.round(mb)} MB`;
}

/** "file is 12 MB, the limit is 5 MB"; exact bytes when rounding would make the two look equal. */
export function describeOversize(bytes: number, limit: number): string {
  const [size, max] = [formatSize(bytes), formatSize(limit)];
  return size === max ? `file is ${bytes} bytes, the limit is ${limit} bytes` : `file is ${size}, the limit is ${max}`;
}
