// A link to a sentence inside an earlier article (`#:~:text=`, Chromium; Firefox 131+). A browser
// that does not support it just opens the article at the top.

/** Characters the text-fragment syntax reserves ('-' and ',' and '&'), on top of what
 *  encodeURIComponent already escapes. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** Words kept at each end of a long quote: enough to be unique on the page, short enough that a
 *  small difference in the middle (a soft hyphen, an edited word) does not break the link. */
const EDGE_WORDS = 5;

export function textFragment(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().replace(/[…]$/, '').split(' ').filter(Boolean);
  if (words.length === 0) return '';
  if (words.length <= EDGE_WORDS * 2) return `:~:text=${encodePart(words.join(' '))}`;
  return `:~:text=${encodePart(words.slice(0, EDGE_WORDS).join(' '))},${encodePart(words.slice(-EDGE_WORDS).join(' '))}`;
}

/** The article URL with a fragment that scrolls to `text` (the URL is stored without a hash). */
export function linkToText(url: string, text: string | undefined): string {
  const frag = text ? textFragment(text) : '';
  return frag ? `${url}#${frag}` : url;
}
