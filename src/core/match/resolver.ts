// Decides each regex match of one page in document order: which entity (if any) it names, and
// whether it is shown. State is per page: who was named in full so far, which surnames another
// person also carries, which entities already have a visible mention.
import type { EntityType, Hit, RunText } from '../types';
import type { CompiledIndex } from './compile';
import { EvidenceJudge, type EvidenceInput } from './evidence';
import { SEP, foldKey } from './fold';
import type { SurfaceForm } from './forms';
import { SurfaceLookup, uniqueIds, type FormsByRole } from './lookup';
import { continuesIntoName, followsGivenName, namesSomethingElse } from './neighbors';

export interface RawMatch {
  start: number;
  end: number;
  surface: string;
  key: string;
  /** What the surface stands for in its run (in a heading or not), as the scanner found it. */
  forms: FormsByRole;
}

export interface ResolveOptions {
  firstMentionOnly: boolean;
  types?: readonly EntityType[];
}

export class PageResolver {
  /** Entities named in full (or by an established acronym) so far. */
  private named = new Set<string>();
  /** Short keys ("kim") that an unknown person's full name also starts or ends with. */
  private otherNamed = new Set<string>();
  private shown = new Set<string>();
  private judge: EvidenceJudge;
  private typeFilter: ReadonlySet<EntityType> | null;

  constructor(
    private readonly index: CompiledIndex,
    evidence: EvidenceInput,
    private readonly options: ResolveOptions,
    /** Entities named in full anywhere on the page (evidence for their ambiguous aliases). */
    private readonly namedAnywhere: ReadonlySet<string>,
    private readonly lookup: SurfaceLookup = new SurfaceLookup(index),
  ) {
    this.judge = new EvidenceJudge(evidence, index.fullKeys);
    this.typeFilter = options.types ? new Set(options.types) : null;
  }

  resolve(run: RunText, m: RawMatch): Hit {
    const forms = m.forms;
    const hit: Hit = { start: m.start, end: m.end, surface: m.surface, entityId: null };

    const full = forms.fullHasAcronym ? forms.full.filter((f) => !(f.acronym && this.judge.definition(f.entityId, m.surface) === 'against')) : forms.full;
    if (full.length) {
      hit.kind = full[0]!.acronym ? 'acronym' : 'full';
      hit.entityId = this.personNamesSomethingElse(full, run, m) ? null : this.pick(full === forms.full ? forms.fullIds : uniqueIds(full));
    } else {
      const amb = forms.ambiguous;
      if (amb.length) {
        hit.kind = amb[0]!.acronym ? 'acronym' : 'full';
        const supported = uniqueIds(amb.filter((f) => this.supported(f, m.surface)));
        hit.entityId = supported.length === 1 ? supported[0]! : null;
      } else if (forms.short.length) {
        hit.kind = 'short';
        hit.entityId = this.resolveShort(run, m, forms.shortIds, forms.short);
      }
    }
    if (hit.entityId && hit.kind !== 'short') this.named.add(hit.entityId);
    if (hit.entityId) this.applyVisibility(hit, hit.entityId);
    return hit;
  }

  /** Several entities share a full form: only one of them already named on the page decides it. */
  private pick(ids: string[]): string | null {
    if (ids.length === 1) return ids[0]!;
    const named = ids.filter((id) => this.named.has(id));
    return named.length === 1 ? named[0]! : null;
  }

  /** "Kim Il Sung Square", "Donald Trump Jr.": the name is part of another name. */
  private personNamesSomethingElse(forms: readonly SurfaceForm[], run: RunText, m: RawMatch): boolean {
    // The word after is checked first: it rarely names something else, and a common surname's forms are many.
    return namesSomethingElse(run.text, m.end) && forms.every((f) => this.index.entities.get(f.entityId)?.type === 'person');
  }

  private supported(form: SurfaceForm, surface: string): boolean {
    const entity = this.index.entities.get(form.entityId);
    if (!entity) return false;
    if (form.acronym) {
      const verdict = this.judge.definition(entity.id, surface);
      if (verdict !== 'none') return verdict === 'for';
    }
    return this.namedAnywhere.has(entity.id) || this.judge.context(entity);
  }

  private resolveShort(run: RunText, m: RawMatch, ids: string[], forms: readonly SurfaceForm[]): string | null {
    if (run.kind !== 'heading') {
      // "Kim Si-woo", "Choe Ryong Hae": another person of that surname, named in full.
      if (continuesIntoName(run.text, m.end)) {
        if (ids.some((id) => this.nameWords(id)[0] === m.key)) this.otherNamed.add(m.key);
        return null;
      }
      // "Ivanka Trump": another person whose family name this is.
      if (followsGivenName(run.text, m.start, (w) => this.judge.printsLowercase(w))) {
        if (ids.some((id) => this.nameWords(id).at(-1) === m.key)) this.otherNamed.add(m.key);
        return null;
      }
    }
    if (this.otherNamed.has(m.key)) return null;
    const established = ids.filter((id) => this.named.has(id));
    if (established.length === 1) return established[0]!;
    if (established.length > 1) return null;
    // "Mr. Trump" on a page about the White House that never writes "Donald Trump": a well-known
    // short form of the only entity that lists it, with one of that entity's context words, while
    // nobody else of that name has been named (Ivanka Trump, found on the page, takes it away).
    const known = uniqueIds(forms.filter((f) => f.wellKnown));
    if (known.length !== 1) return null;
    const entity = this.index.entities.get(known[0]!);
    return entity && this.judge.context(entity) ? entity.id : null;
  }

  private nameWords(id: string): string[] {
    const e = this.index.entities.get(id);
    return e ? foldKey(e.name).split(SEP) : [];
  }

  private applyVisibility(hit: Hit, id: string): void {
    const type = this.index.entities.get(id)?.type;
    if (this.typeFilter && (!type || !this.typeFilter.has(type))) {
      hit.hidden = true;
      return;
    }
    if (this.options.firstMentionOnly && this.shown.has(id)) hit.hidden = true;
    else this.shown.add(id);
  }
}


/** Entities a page names in full somewhere (case-checked, not counting short or ambiguous forms). */
export function namedInFull(
  index: CompiledIndex,
  runs: readonly RunText[],
  matches: readonly RawMatch[][],
  lookup: SurfaceLookup = new SurfaceLookup(index),
): Set<string> {
  const out = new Set<string>();
  matches.forEach((list, i) => {
    for (const m of list) {
      let other: boolean | undefined;
      for (const f of m.forms.full) {
        if (out.has(f.entityId)) continue;
        if (index.entities.get(f.entityId)?.type === 'person' && (other ??= namesSomethingElse(runs[i]!.text, m.end))) continue;
        out.add(f.entityId);
      }
    }
  });
  return out;
}
