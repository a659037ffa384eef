// Reads a leader out of a Factbook "chief of state" / "head of government" value and gives the
// name a newspaper uses. The Factbook writes family names in capitals ("President LEE Jae-myung
// (since 4 June 2025)", "PRABOWO Subianto Djojohadikusumo", "Vladimir Vladimirovich PUTIN"):
// the capitals say which word is the family name, which is what the card's name and short form need.
import { isoDate, plain, titleCase } from './text';

export interface Leader {
  /** The office as the Factbook names it before the person ("President", "Prime Minister"); may be empty. */
  title: string;
  /** The name a newspaper uses: "Lee Jae-myung", "Prabowo Subianto", "Vladimir Putin". */
  name: string;
  /** Other full forms: the Factbook's full name, other given names with the family name, spellings it gives. */
  aliases: string[];
  /** The family name, for later mentions ("Putin"); absent for monarchs and one-word names. */
  short?: string;
  /** "(since 4 June 2025)" as an ISO date, when the value gives one. */
  since?: string;
  /** A monarch or pope: matched with the title too ("King Charles III"), no short form. */
  monarch: boolean;
}

/** Countries whose leaders' names are written in full in news copy ("Kim Jong Un", "Pham Minh Chinh"). */
const FULL_NAME_COUNTRIES = new Set(['kn', 'ks', 'ch', 'tw', 'hk', 'mc', 'vm', 'bm', 'cb', 'la', 'sn']);
const MONARCH_TITLES = /^(King|Queen|Emperor|Pope|Sultan|Amir|Emir|Prince|Grand Duke|Co-prince|Lord of Mann King)\b/;
/** Words of offices, ranks and honorifics: never a given name. */
const TITLE_WORDS = new Set(
  (
    'President Vice Prime Minister Ministers King Queen Emperor Pope Sultan Amir Emir Prince Princess Grand Duke Chancellor Premier ' +
    'Governor Governor-General General Gen. Col. Capt. Sr. Dr. Sir Dame Ratu Lieutenant Chief Executive Chairman Chairperson Chair ' +
    'Council Leader Transition Transitional Interim Acting Caretaker Supreme Sovereign State Affairs Commission Secretary Mayor ' +
    'Administrator Co-prince Archbishop Captains Captain Regent Crown Lord Commander-in-Chief Commander Armed Forces National ' +
    'Homeland Safeguard Assembly Presidency Cabinet Government Territorial Pontifical Commissioner High Republic Taoiseach ' +
    'Presidential Leadership Co-Vice Foreign Political Island Taliban Overall Marshal Air Vice-Marshal Bailiff Presidium Head Deputy ' +
    'Premier Senior Superior Confederation Council, Minister, Yuan People\'s Commissioner, Tanaiste Mann'
  ).split(' '),
);
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'van', 'von', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'ibni', 'e', 'y', 'i']);
const ARABIC_PREFIX = /^(Abdel|Abd|Abdul|Abu|Abd-al-\p{L}+|Abd-al)$/u;
/** Acronyms that stand before a name as part of an office ("CNSP Prime Minister"). */
const OFFICE_ACRONYMS = new Set(['CNSP', 'GNU', 'RN', 'BFC', 'UK', 'US', 'EU']);

const isCaps = (tok: string) => {
  const core = tok.replace(/[.,]+$/g, '');
  if (OFFICE_ACRONYMS.has(core)) return false;
  return /\p{Lu}{2}/u.test(core) && core.split(/[-']/).some((p) => p.length > 1 && p === p.toUpperCase() && /\p{Lu}/u.test(p));
};
const isRoman = (tok: string) => /^[IVX]{1,4}$/.test(tok);
const isInitial = (tok: string) => /^(\p{Lu}\.)+$/u.test(tok);
const isCapitalized = (tok: string) => /^\p{Lu}[\p{Ll}'’.-]/u.test(tok) || isInitial(tok);

/** The first "(since 4 June 2025)" or "(4 June 2025)" of a value, before any representative is named. */
function sinceOf(text: string): { date?: string; at: number } {
  const represented = text.search(/[,;] represented by/);
  const re = /\((?:[^();]*?\bsince )?([^();]*?\d{4})(?=[);,])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (represented >= 0 && m.index > represented) break;
    const date = isoDate(m[1]!);
    if (date) return { date, at: m.index };
  }
  return { at: -1 };
}

/** The leader named by a Factbook value, or null when it names none (vacant, several co-chiefs, blank). */
export function parseLeader(raw: string | undefined, countryCode: string, countryWords: ReadonlySet<string>): Leader | null {
  const text = plain(raw);
  if (!text || /\(vacant\)/.test(text)) return null;
  const since = sinceOf(text);
  let person = since.at >= 0 ? text.slice(0, since.at) : text;
  person = person.split(/[;]|, represented by| represented by/)[0]!;
  if (/\b(for the period|co-chiefs)\b/.test(person)) return null;
  const spellings = [...person.matchAll(/\(also spelled ([^)]+)\)/g)].map((m) => m[1]!);
  const alsoSpelled = /;\s*also spelled ([^(;]+)/.exec(text)?.[1]?.trim();
  const nickname = /"([^"]+)"/.exec(person)?.[1];
  person = person
    .replace(/\([^)]*\)/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    // "King WILLEM-ALEXANDER of the Netherlands": the realm is not part of the name.
    .replace(/(\p{Lu}{2}\S*)\s+of\s+(the\s+)?\p{Lu}.*$/u, '$1');
  let suffix = '';
  person = person.replace(/,?\s+(Jr\.|Sr\.)\s*$/, (_, s: string) => {
    suffix = s;
    return '';
  });
  const tokens = person.replace(/,\s*$/, '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;

  // The family name: the last run of capitalised words (with any regnal number after it).
  let end = -1;
  for (let i = tokens.length - 1; i >= 0; i--) if (isCaps(tokens[i]!)) { end = i; break; }
  // A country's word is part of an office ("President of the Swiss Confederation Guy …") only
  // after "of", "the" or another word of the office; else it is a given name ("André Martin EBANKS").
  const isTitleAt = (i: number): boolean => {
    const tok = tokens[i]!;
    if (TITLE_WORDS.has(tok)) return true;
    if (!countryWords.has(tok.replace(/[,.]$/, '')) || i === 0) return false;
    return /^(of|the)$/.test(tokens[i - 1]!) || isTitleAt(i - 1);
  };
  let start: number;
  let given: string[] = [];
  let trailing: string[] = [];
  let family: string;
  let titleEnd: number;
  if (end < 0) {
    // No capitals ("Ahmad al-Shara'"): the words after the office are the name.
    let i = tokens.length;
    while (i > 0 && !isTitleAt(i - 1) && tokens.length - i < 4 && (isCapitalized(tokens[i - 1]!) || PARTICLES.has(tokens[i - 1]!.split('-')[0]!))) i--;
    if (i === tokens.length) return null;
    const words = tokens.slice(i);
    titleEnd = i;
    family = words[words.length - 1]!;
    given = words.slice(0, -1);
  } else if (isRoman(tokens[end]!) && end === tokens.length - 1 && (end === 0 || !isCaps(tokens[end - 1]!))) {
    // "TUIMALEALI'IFANO Va'aletoa Sualauvi II": only the regnal number is in capitals; no reliable name.
    return null;
  } else {
    start = end;
    // "CORREIA e SILVA": a particle between capitals joins them.
    while (start > 0 && (isCaps(tokens[start - 1]!) || (start > 1 && PARTICLES.has(tokens[start - 1]!) && isCaps(tokens[start - 2]!)))) start--;
    // "de SAUSMAREZ", "Le COCQ": a particle before the capitals belongs to the family name.
    while (start > 0 && PARTICLES.has(tokens[start - 1]!.toLowerCase())) start--;
    family = titleCase(tokens.slice(start, end + 1).join(' ').replace(/,$/, ''));
    trailing = [];
    for (const t of tokens.slice(end + 1)) {
      if (/^\p{Ll}/u.test(t) && !PARTICLES.has(t) && !/^(al|el|bin)-/.test(t)) break; // "… is the so-called …"
      trailing.push(t.replace(/,$/, ''));
    }
    let i = start;
    while (i > 0 && given.length < 4 && (isCapitalized(tokens[i - 1]!) || /^\p{Ll}'\p{Lu}/u.test(tokens[i - 1]!)) && !isTitleAt(i - 1) && !/,$/.test(tokens[i - 1]!)) {
      given.unshift(tokens[i - 1]!);
      i--;
    }
    titleEnd = i;
  }
  const title = tokens
    .slice(0, titleEnd)
    .join(' ')
    .replace(/(\s*\b(Sir|Dame|Dr\.|Gen\.|Col\.|Sr\.|Capt\.|General|Ratu|Grand Chief|Crown Prince))+$/g, '')
    .replace(/,$/, '')
    .trim();
  const monarch = MONARCH_TITLES.test(title) && given.length === 0;

  const full = [...given, family, ...trailing, suffix].filter(Boolean).join(' ');
  const named = given.filter((g) => !isInitial(g));
  let name: string;
  if (named.length === 0) {
    const oneCapsWord = !family.includes(' ');
    const particleNext = trailing[0] !== undefined && (PARTICLES.has(trailing[0].toLowerCase()) || /^(al|el|bin)-/i.test(trailing[0]));
    name = FULL_NAME_COUNTRIES.has(countryCode) || !oneCapsWord || trailing.length <= 1 || particleNext ? full : `${family} ${trailing[0]}`;
  } else if (trailing[0] !== undefined && PARTICLES.has(trailing[0].toLowerCase())) {
    name = full; // "Luiz Inácio Lula da Silva"
  } else if (FULL_NAME_COUNTRIES.has(countryCode)) {
    name = [...named, family, suffix].filter(Boolean).join(' ');
  } else {
    const first = ARABIC_PREFIX.test(named[0]!) && named.length > 1 ? named.slice(0, 2) : named.slice(0, 1);
    name = [...first, family, suffix].filter(Boolean).join(' ');
  }

  const aliases = new Set<string>();
  const add = (a: string | undefined) => {
    if (a && a !== name && a.length >= 2) aliases.add(a);
  };
  add(full);
  if (given.length > 0) add([...given, family, suffix].filter(Boolean).join(' '));
  if (named.length > 1 && !FULL_NAME_COUNTRIES.has(countryCode)) for (const g of named) if (!ARABIC_PREFIX.test(g)) add(`${g} ${family}`);
  if (nickname) add(`${nickname[0]}${nickname.slice(1).toLowerCase()} ${family}${suffix ? ` ${suffix}` : ''}`);
  for (const s of spellings) add(name.replace(family.split(' ')[0]!, titleCase(s)));
  if (alsoSpelled) add(alsoSpelled);
  if (monarch) {
    const office = title.replace(/^Lord of Mann /, '');
    add(`${office} ${name}`);
    if (alsoSpelled) add(`${office} ${alsoSpelled}`);
  }
  const shortForm = family.replace(/^(al|el)-/, '').replace(/['’]$/, '');
  // Hong Kong and Macau write the family name first: the Factbook's capitals on the last word mislead.
  const familyLast = given.length > 0 && (countryCode === 'hk' || countryCode === 'mc');
  const short = !monarch && !familyLast && name.includes(' ') && shortForm.length >= 3 && name !== shortForm ? shortForm : undefined;
  return { title, name, aliases: [...aliases], ...(short ? { short } : {}), ...(since.date ? { since: since.date } : {}), monarch };
}
