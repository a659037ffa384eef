// Text normalization shared by the fact scorers: what counts as "the same words".

/** Lowercase, straight quotes, no diacritics, punctuation and dashes become spaces, single spaces. */
export function normText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ARTICLE = /^(?:the|a|an) /;
// A leading nationality qualifies the title rather than being part of it: "North Korean Foreign
// Minister" and "Foreign Minister" name the same role, whichever the extractor keeps.
const NATIONALITY = /^(?:(?:north|south) korea(?:n|s)?|us|usa|u s|united states|american|chinese|japanese|russian|swedish|vietnamese|the country s|the countrys) /;

export function normRole(s: string): string {
  let t = normText(s);
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(ARTICLE, '').replace(NATIONALITY, '');
  }
  // "economist at a Lisbon business school" holds the title "economist": where a person works
  // is not part of the title (while "minister of finance" and "chairman of X" keep their "of").
  return t.replace(/ (?:at|with) .*$/u, '');
}

/** Expansions compare without a leading article and without a plural "s" ("missiles" = "missile"). */
export function normLong(s: string): string {
  return normText(s).replace(ARTICLE, '').replace(/s$/, '');
}

/** Acronyms compare case-sensitively, but "ICBMs" defines the same short form as "ICBM". */
export function normShort(s: string): string {
  return s.trim().replace(/(?<=\p{Lu})s$/u, '');
}

export function words(s: string): string[] {
  return normText(s).split(' ').filter(Boolean);
}
