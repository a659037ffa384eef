// Sources that only look like sources (and a pack that states no licence): "General reference", "public record", an example.org
// address. The schema cannot tell them from real ones, so the build refuses them in the packs it
// bundles and `npm run pack -- check` names them; an import from the options page does not, since
// a reader's private pack may cite their own notes however they like.
import type { Pack } from '../types';
import { located } from './path';

const PLACEHOLDER_WORDS = /\b(general reference|public record|well[- ]established|common knowledge|placeholder|lorem ipsum)\b|^\s*(to ?do|tbd|tbc|unknown|various|none|n\/a|source|reference)\s*$/i;
/** Hosts reserved for examples and tests (RFC 2606, RFC 6761) and this machine. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$|^127\.|^\[::1\]$/i;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function placeholderProblems(pack: Pack): string[] {
  const problems: string[] = [];
  // A pack the project ships must say under which terms its facts may be reused (format 3).
  if (!pack.license) problems.push(located(['license'], 'is not stated: a bundled pack must give the SPDX id of its licence ("CC0-1.0", "CC-BY-4.0", "MIT")'));
  pack.sources.forEach((source, i) => {
    for (const field of ['title', 'publisher'] as const) {
      const text = source[field];
      const m = text ? PLACEHOLDER_WORDS.exec(text) : null;
      if (m) problems.push(located(['sources', i, field], `"${text}" is a placeholder ("${m[0]}"), not a source a reader can look up: cite the page that states the facts`));
    }
    const host = source.url ? hostOf(source.url) : '';
    if (host && PLACEHOLDER_HOST.test(host)) problems.push(located(['sources', i, 'url'], `${host} is a placeholder address: give the address of the page itself`));
  });
  return problems;
}
