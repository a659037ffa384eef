// Ids of entities the reader made (notes on terms no pack knows) would name those terms in the
// page: `note-test-of-nerves` in data-backstory-entity lets any page list what a reader keeps
// notes on. Before a reply reaches the page's DOM, each such id is swapped for a random token
// kept only in this content script's memory, the same for the whole page session so highlights
// keep their id across passes and worker restarts. Pack ids stay: the packs are public.
import { isNoteEntityId } from '../core/note-ids';
import type { AnalyzeReply } from '../shared/messages';

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `r-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

export class OpaqueIds {
  private readonly tokens = new Map<string, string>();

  /** The id the page may see for `id`. */
  token(id: string): string {
    if (!isNoteEntityId(id)) return id;
    let t = this.tokens.get(id);
    if (!t) {
      t = randomToken();
      this.tokens.set(id, t);
    }
    return t;
  }

  /** The reply with every reader-made id swapped (the hits' ids and the cards; the rest carries
   *  no id). */
  reply<T extends Pick<AnalyzeReply, 'ids'> & { cards?: AnalyzeReply['cards'] }>(r: T): T {
    return {
      ...r,
      ids: r.ids.map((id) => this.token(id)),
      ...(r.cards ? { cards: r.cards.map((c) => (isNoteEntityId(c.id) ? { ...c, id: this.token(c.id) } : c)) } : {}),
    };
  }
}
