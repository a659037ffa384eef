// Text helpers shared by the world pack builders: the Factbook's HTML-ish values to plain text,
// its "4 June 2025" dates to ISO, numbers and names in the form a card shows.

const MARKS: Record<string, string> = {
  acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030A', cedil: '\u0327', caron: '\u030C',
};
const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”',
  ndash: '–', mdash: '—', deg: '°', szlig: 'ß', oslash: 'ø', Oslash: 'Ø', aelig: 'æ', AElig: 'Æ', eth: 'ð', thorn: 'þ',
};

/** Decodes the HTML entities the Factbook uses ("D&Eacute;BY" → "DÉBY"). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([A-Za-z]+);/g, (whole, name: string) => {
      if (NAMED[name] !== undefined) return NAMED[name]!;
      const m = /^([A-Za-z])(acute|grave|circ|tilde|uml|ring|cedil|caron)$/.exec(name);
      return m ? (m[1]! + MARKS[m[2]!]!).normalize('NFC') : whole;
    });
}

/** A Factbook value as one line of plain text: tags dropped, entities decoded, spaces collapsed. */
export function plain(s: string | undefined): string {
  if (!s) return '';
  return decodeEntities(s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** "4 June 2025" → "2025-06-04", "April 2018" → "2018-04", "1997" → "1997", "5 Sep 2025" too; else null. */
export function isoDate(s: string): string | null {
  const t = s.trim().replace(/,/g, '');
  let m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : null;
  }
  m = /^([A-Za-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? `${m[2]}-${month}` : null;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? m[1]! : null;
}

function monthOf(word: string): string | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : String(i + 1).padStart(2, '0');
}

/** "2025-06-04" → "4 June 2025", "2025-06" → "June 2025": how a fact's text names its date. */
export function spokenDate(iso: string): string {
  const [y, mo, d] = iso.split('-');
  if (!mo) return y!;
  const month = MONTH_NAMES[Number(mo) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** 51486343 → "51.5 million", 339004 → "339,000": the card's rounded population. */
export function roundedCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2).replace(/\.?0+$/, '')} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  if (n >= 1e4) return (Math.round(n / 1000) * 1000).toLocaleString('en-US');
  return n.toLocaleString('en-US');
}

/** An id from a name: "Lee Jae-myung" → "lee-jae-myung" (accents dropped, as the matcher folds them). */
export function idOf(...parts: string[]): string {
  const s = parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s || 'x').slice(0, 80).replace(/-+$/, '');
}

/** How names are compared across sources: accents, case, hyphens and dots folded. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

const LOWER_PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'e', 'i', 'van', 'von', 'bin', 'ibn', 'ibni', 'binti', 'al', 'el', 'y', 'la', 'le']);

/** A family name the Factbook writes in capitals, in a newspaper's case: "DIAZ-CANEL" → "Diaz-Canel",
 *  "VAN DER BELLEN" → "Van der Bellen", "al-BURHAN" → "al-Burhan". A word with lower case stays. */
export function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word, i) => {
      if (!/\p{Lu}{2}/u.test(word)) return word;
      return word
        // "DIAZ-CANEL" → "Diaz-Canel", "O'BRIEN" → "O'Brien", but "MULI'AKA'AKA" → "Muli'aka'aka".
        .split(/(?<=-)|(?<=^\p{L}['’])/u)
        .map((part, j) => {
          const lower = part.toLowerCase();
          if (/^[IVX]+$/.test(part) && part.length <= 4 && (i > 0 || j > 0)) return part; // regnal numbers
          if ((i > 0 || j > 0) && LOWER_PARTICLES.has(lower.replace(/[-'’]$/, ''))) return lower;
          if (j === 0 && /^(al|el)-$/.test(lower)) return lower;
          return lower.charAt(0).toUpperCase() + lower.slice(1);
        })
        .join('');
    })
    .join(' ');
}
