// The forms a matched surface may stand for, decided once per distinct surface of a page: a page
// repeats the same few names thousands of times, and folding and case-checking each repetition
// was most of the matcher's cost beyond the regex itself.
import { caseAllowed } from './case';
import type { CompiledIndex } from './compile';
import { foldKey } from './fold';
import type { SurfaceForm } from './forms';

interface Known {
  key: string;
  body?: SurfaceForm[];
  heading?: SurfaceForm[];
}

export class SurfaceLookup {
  private known = new Map<string, Known>();

  constructor(private readonly index: CompiledIndex) {}

  private entry(surface: string): Known {
    let k = this.known.get(surface);
    if (!k) {
      k = { key: foldKey(surface) };
      this.known.set(surface, k);
    }
    return k;
  }

  /** The lookup key of a surface (see `foldKey`). */
  key(surface: string): string {
    return this.entry(surface).key;
  }

  /** The candidate forms of `surface` whose case it satisfies (in a heading or not). Callers must
   *  not modify the array. */
  forms(surface: string, inHeading: boolean): readonly SurfaceForm[] {
    const k = this.entry(surface);
    const cached = inHeading ? k.heading : k.body;
    if (cached) return cached;
    const forms = (this.index.byKey.get(k.key) ?? []).filter((f) => caseAllowed(surface, f, inHeading));
    if (inHeading) k.heading = forms;
    else k.body = forms;
    return forms;
  }
}
