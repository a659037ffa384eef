// The forms a matched surface may stand for, decided once per distinct surface (for as long as the
// compiled index lives: the answer does not depend on the page): a page repeats the same few
// names thousands of times, and folding and case-checking each repetition was most of the
// matcher's cost beyond the regex itself.
import { caseAllowed } from './case';
import type { CompiledIndex } from './compile';
import { foldKey } from './fold';
import type { SurfaceForm } from './forms';

/** The allowed forms of one surface split by role, with their entity ids in order, once distinct:
 *  a common surname in a big pack stands for hundreds of entities, and splitting them per hit
 *  cost more than the regex. */
export interface FormsByRole {
  /** The surface's lookup key (see `foldKey`). */
  key: string;
  full: SurfaceForm[];
  fullIds: string[];
  /** Some full form is an acronym (whose page definition may still rule it out). */
  fullHasAcronym: boolean;
  ambiguous: SurfaceForm[];
  short: SurfaceForm[];
  shortIds: string[];
}

interface Known {
  key: string;
  body?: FormsByRole;
  heading?: FormsByRole;
}

export function uniqueIds(forms: readonly SurfaceForm[]): string[] {
  return [...new Set(forms.map((f) => f.entityId))];
}

function byRole(key: string, all: SurfaceForm[]): FormsByRole {
  const full = all.filter((f) => f.role === 'full');
  const short = all.filter((f) => f.role === 'short');
  return {
    key,
    full,
    fullIds: uniqueIds(full),
    fullHasAcronym: full.some((f) => f.acronym),
    ambiguous: all.filter((f) => f.role === 'ambiguous'),
    short,
    shortIds: uniqueIds(short),
  };
}

/** Surfaces remembered per index: a page's names again on its next pass or the next page, and
 *  bounded since a reader's pages keep bringing new spellings. */
const MAX_KNOWN = 20_000;

export class SurfaceLookup {
  private known = new Map<string, Known>();

  constructor(private readonly index: CompiledIndex) {}

  private entry(surface: string): Known {
    let k = this.known.get(surface);
    if (!k) {
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      k = { key: foldKey(surface) };
      this.known.set(surface, k);
    }
    return k;
  }

  /** The lookup key of a surface (see `foldKey`). */
  key(surface: string): string {
    return this.entry(surface).key;
  }

  /** Whether `surface` stands for any form at all (in a heading or not). */
  matches(surface: string, inHeading: boolean): boolean {
    return this.find(surface, inHeading) !== null;
  }

  /** `byRole`, or null when `surface` stands for no form at all. */
  find(surface: string, inHeading: boolean): FormsByRole | null {
    const f = this.byRole(surface, inHeading);
    return f.full.length > 0 || f.ambiguous.length > 0 || f.short.length > 0 ? f : null;
  }

  /** The candidate forms of `surface` whose case it satisfies (in a heading or not), split by role
   *  (see `FormsByRole`). Callers must not modify the arrays. */
  byRole(surface: string, inHeading: boolean): FormsByRole {
    const k = this.entry(surface);
    const cached = inHeading ? k.heading : k.body;
    if (cached) return cached;
    const forms = byRole(k.key, (this.index.byKey.get(k.key) ?? []).filter((f) => caseAllowed(surface, f, inHeading)));
    if (inHeading) k.heading = forms;
    else k.body = forms;
    return forms;
  }
}
