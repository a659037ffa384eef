// Many articles' findings → one draft pack. Entities are merged by the key the reading memory
// files them under (src/core/memory/entity-key.ts), so the builder and the memory agree on who
// is the same person; a one-word name never reaches here. Each fact cites the article that first
// stated it; the report lists where articles disagree (two roles for one name in one month).
import { clip, fold, foldName, slug } from '../../src/core/article/text';
import * as L from '../../src/core/pack/limits';
import { PACK_FORMAT, type EntityType, type Pack, type PackEntity, type PackFact, type PackSource } from '../../src/core/types';
import type { ArticleMeta } from './article-input';
import type { ArticleFinding } from './extract';

export interface MergeOptions {
  id: string;
  title: string;
}

export interface Citation {
  source: string;
  where: string;
  title?: string;
  url?: string;
  date?: string;
}

export interface RoleConflict {
  entity: string;
  name: string;
  /** "2019-09". */
  month: string;
  roles: { text: string; cited: Citation[] }[];
}

export interface MergeReport {
  articles: number;
  /** Articles that gave at least one fact, hence a source. */
  cited: number;
  entities: number;
  facts: number;
  conflicts: RoleConflict[];
  /** Facts past the per-entity limit, newest statements kept. */
  dropped: { entity: string; facts: number }[];
  /** One-word names, which are never filed (they cannot tell two people apart). */
  unfiled: { name: string; where: string }[];
  /** Cited articles lacking what a checkable source needs. */
  incomplete: { where: string; missing: string[] }[];
}

interface Observation {
  article: number;
  date?: string;
}

interface Draft {
  key: string;
  type: Map<EntityType, number>;
  names: Map<string, number>;
  short: Set<string>;
  acronyms: Set<string>;
  /** kind + folded text → the fact and every article that stated it. */
  facts: Map<string, { kind: 'definition' | 'role' | 'statement'; text: string; seen: Observation[]; factDate?: string }>;
  roles: { text: string; folded: string; article: number; month?: string }[];
  firstSeen: number;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Ends a sentence once: a role may end with its own dot ("Gen."). */
const sentence = (s: string) => (/[.!?…]$/u.test(s) ? s : `${s}.`);

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function top<K>(map: Map<K, number>): K {
  let best: K | undefined;
  let n = -1;
  for (const [k, c] of map) if (c > n) [best, n] = [k, c];
  return best!;
}

/** Earlier date first; an undated observation after every dated one; then input order. */
function earlier(a: Observation, b: Observation): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.article - b.article;
}

export function statementFact(text: string): string {
  const t = oneLine(text);
  // A reported clause ("he would wait…") reads on after "Said"; a quotation is quoted.
  return /^\p{Ll}/u.test(t) ? `Said ${t.replace(/[.\s]+$/u, '')}.` : `Said: “${t}”`;
}

/** Whole-word containment: "secretary of state" within "us secretary of state". */
const within = (a: string, b: string) => ` ${b} `.includes(` ${a} `);

function conflictsOf(d: Draft, id: string, name: string, cite: (article: number) => Citation): RoleConflict[] {
  const byMonth = new Map<string, Map<string, { text: string; articles: Set<number> }>>();
  for (const r of d.roles) {
    if (!r.month || !r.folded) continue;
    let roles = byMonth.get(r.month);
    if (!roles) byMonth.set(r.month, (roles = new Map()));
    const had = roles.get(r.folded);
    if (had) had.articles.add(r.article);
    else roles.set(r.folded, { text: r.text, articles: new Set([r.article]) });
  }
  const out: RoleConflict[] = [];
  for (const [month, roles] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A role inside a longer one ("Foreign Minister" in "North Korean Foreign Minister") agrees with it.
    const keys = [...roles.keys()];
    const widest = keys.filter((k) => !keys.some((o) => o !== k && within(k, o)));
    if (widest.length < 2) continue;
    out.push({
      entity: id,
      name,
      month,
      roles: widest.map((k) => {
        const r = roles.get(k)!;
        return { text: r.text, cited: [...r.articles].sort((a, b) => a - b).map(cite) };
      }),
    });
  }
  return out;
}

function sourceOf(meta: ArticleMeta, where: string, id: string): PackSource {
  const s: PackSource = { id, title: clip(oneLine(meta.title ?? where), L.MAX_TITLE_LENGTH) };
  let publisher = meta.outlet;
  if (!publisher && meta.url) publisher = new URL(meta.url).hostname.replace(/^www\./, '');
  if (publisher) s.publisher = clip(oneLine(publisher), L.MAX_TITLE_LENGTH);
  if (meta.url) s.url = meta.url;
  if (meta.date) s.date = meta.date;
  return s;
}

export function mergeFindings(findings: ArticleFinding[], options: MergeOptions): { pack: Pack; report: MergeReport } {
  const sorted = [...findings].sort((a, b) => a.index - b.index);
  const byIndex = new Map(sorted.map((f) => [f.index, f]));
  const drafts = new Map<string, Draft>();
  const report: MergeReport = { articles: sorted.length, cited: 0, entities: 0, facts: 0, conflicts: [], dropped: [], unfiled: [], incomplete: [] };

  for (const f of sorted) {
    for (const name of f.unfiled) report.unfiled.push({ name, where: f.where });
    const date = f.meta.date;
    const month = date && date.length >= 7 ? date.slice(0, 7) : undefined;
    for (const e of f.entities) {
      let d = drafts.get(e.key);
      if (!d) {
        d = { key: e.key, type: new Map(), names: new Map(), short: new Set(), acronyms: new Set(), facts: new Map(), roles: [], firstSeen: f.index };
        drafts.set(e.key, d);
      }
      count(d.type, e.type);
      count(d.names, e.name);
      for (const s of e.short) d.short.add(s);
      const add = (kind: 'definition' | 'role' | 'statement', text: string, dedupe: string, factDate?: string) => {
        const k = `${kind}\u0000${dedupe}`;
        const obs = { article: f.index, date: factDate ?? date };
        const had = d!.facts.get(k);
        if (had) had.seen.push(obs);
        else d!.facts.set(k, { kind, text, seen: [obs], factDate });
      };
      if (e.definition) {
        d.acronyms.add(e.definition.short);
        add('definition', `${e.definition.short} stands for ${oneLine(e.definition.long)}.`, `${e.definition.short}\u0000${foldName(e.definition.long)}`);
      }
      for (const r of e.roles) {
        const text = oneLine(r);
        // One role fact per year: a title held in 2018 and again in 2021 is a timeline, not a repeat.
        add('role', sentence(`Described as ${text}`), `${foldName(text)}\u0000${date?.slice(0, 4) ?? ''}`);
        d.roles.push({ text, folded: foldName(text), article: f.index, month });
      }
      for (const s of e.statements) add('statement', statementFact(s.text), fold(s.text), s.date);
    }
  }

  const cited = new Map<number, string>();
  const citeId = (article: number) => {
    let id = cited.get(article);
    if (!id) cited.set(article, (id = `a${article + 1}`));
    return id;
  };
  const citation = (article: number): Citation => {
    const f = byIndex.get(article)!;
    const c: Citation = { source: citeId(article), where: f.where };
    if (f.meta.title) c.title = f.meta.title;
    if (f.meta.url) c.url = f.meta.url;
    if (f.meta.date) c.date = f.meta.date;
    return c;
  };

  const ids = new Set<string>();
  const entities: PackEntity[] = [];
  for (const d of [...drafts.values()].sort((a, b) => a.firstSeen - b.firstSeen)) {
    const name = clip(top(d.names), L.MAX_NAME_LENGTH);
    const type = top(d.type);
    let id = clip(slug(name), 76).replace(/-+$/, '');
    for (let n = 2; ids.has(id); n++) id = `${clip(slug(name), 72).replace(/-+$/, '')}-${n}`;
    ids.add(id);

    const all = [...d.facts.values()].map((fact) => {
      const first = [...fact.seen].sort(earlier)[0]!;
      return { kind: fact.kind, text: clip(fact.text, L.MAX_FACT_LENGTH), article: first.article, date: first.date };
    });
    const rank = { definition: 0, role: 1, statement: 2 } as const;
    const byDate = (a: { date?: string }, b: { date?: string }) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0);
    let kept = all.sort((a, b) => rank[a.kind] - rank[b.kind] || byDate(a, b));
    if (kept.length > L.MAX_FACTS) {
      // Over the limit, the oldest go first (statements before roles and definitions): a draft is
      // most useful about the present.
      report.dropped.push({ entity: id, facts: kept.length - L.MAX_FACTS });
      const fixed = kept.filter((k) => k.kind !== 'statement');
      const statements = kept.filter((k) => k.kind === 'statement');
      const room = L.MAX_FACTS - Math.min(fixed.length, L.MAX_FACTS);
      kept = [...fixed.slice(-L.MAX_FACTS), ...(room > 0 ? statements.slice(-room) : [])];
    }
    const facts: PackFact[] = kept.map((k) => {
      const fact: PackFact = { text: k.text, source: citeId(k.article) };
      if (k.date) fact.date = k.date;
      return fact;
    });

    const roleCounts = new Map<string, number>();
    for (const r of d.roles) count(roleCounts, r.text);
    const acronyms = [...d.acronyms];
    const summary = roleCounts.size
      ? sentence(capital(top(roleCounts)))
      : acronyms.length
        ? `${name} (${acronyms.join(', ')}).`
        : `Named in ${new Set([...d.facts.values()].flatMap((f) => f.seen.map((o) => o.article))).size || 1} of the articles.`;
    const entity: PackEntity = { id, type, name, summary: clip(summary, L.MAX_SUMMARY_LENGTH) };
    const foldedName = foldName(name);
    const aliases = [...new Set([...acronyms, ...[...d.names.keys()].filter((n) => n !== name && foldName(n) !== foldedName)])]
      .filter((a) => a.length >= L.MIN_ALIAS_LENGTH)
      .slice(0, L.MAX_ALIASES);
    // Spellings that fold alike ("Choe Son-hui", "Choe Son Hui") are matched as one already.
    if (aliases.length) entity.aliases = aliases;
    const short = [...d.short].filter((s) => s.length >= L.MIN_ALIAS_LENGTH && foldName(s) !== foldedName).slice(0, L.MAX_ALIASES);
    if (short.length) entity.short = short;
    if (facts.length) entity.facts = facts;
    entities.push(entity);
    report.conflicts.push(...conflictsOf(d, id, name, citation));
  }

  const sources: PackSource[] = [...cited.keys()]
    .sort((a, b) => a - b)
    .map((article) => {
      const f = byIndex.get(article)!;
      const s = sourceOf(f.meta, f.where, cited.get(article)!);
      const missing = (['url', 'publisher', 'date'] as const).filter((k) => s[k] === undefined);
      if (missing.length) report.incomplete.push({ where: f.where, missing });
      return s;
    });
  // Conflicts may cite articles no kept fact cites: their sources are listed too.
  report.cited = sources.length;
  report.entities = entities.length;
  report.facts = entities.reduce((n, e) => n + (e.facts?.length ?? 0), 0);

  const dates = sorted.map((f) => f.meta.date).filter((d): d is string => d !== undefined);
  const asOf = dates.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  const pack: Pack = {
    format: PACK_FORMAT,
    id: options.id,
    version: 1,
    title: options.title,
    language: 'en',
    description: `Draft built by npm run pack -- build from ${sorted.length} article${sorted.length === 1 ? '' : 's'}${asOf ? `, the newest of ${asOf}` : ''}. Every fact states what one article said: check it before you use the pack.`,
    sources,
    entities,
  };
  // A pack states how current it is: a draft is as current as its newest article.
  if (asOf) pack.asOf = asOf;
  return { pack, report };
}
