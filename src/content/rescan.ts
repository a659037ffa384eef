// After the page changes text we already wrapped (a framework re-render, a rewritten Text node,
// text appended to a paragraph), the runs that covered it no longer describe the page. This finds
// them so their highlights can come off and the blocks be collected afresh — no stale, broken or
// duplicate wrappers, and the new text is annotated like any other.
import { collectRunsIn, holdsItsText, type DomRun } from './runs';

/** Runs that the page removed, rewrote or extended. `blocks` are the elements the page changed;
 *  `nodesOf` gives a run's Text nodes as they are now (the highlighter's, once it is wrapped). */
export function findStaleRuns(runs: readonly DomRun[], blocks: readonly Element[], nodesOf: (run: DomRun) => readonly Text[]): Set<DomRun> {
  const stale = new Set<DomRun>();
  const owner = new Map<Text, DomRun>();
  for (const run of runs) {
    // Every change the page makes is reported on the parent of what changed, so only a run whose
    // block holds a changed block or sits in one (or left the page with a removed subtree) can
    // have changed. Checking every run's text and mapping every node made each update of a live
    // page cost the whole page: 20-38 ms for one appended block on the dense bench page.
    const block = run.block;
    if (block.isConnected && !blocks.some((b) => b.contains(block) || block.contains(b))) continue;
    const nodes = nodesOf(run);
    for (const n of nodes) owner.set(n, run);
    if (!holdsItsText(run, nodes)) stale.add(run);
  }
  // A run as the page now reads must be one old run exactly, or all new text; a mix means the
  // page added to or rearranged what we had (e.g. a sentence appended to a wrapped paragraph).
  for (const block of blocks) {
    for (const fresh of collectRunsIn(block)) {
      const owners = new Set(fresh.nodes.map((n) => owner.get(n)));
      const [only] = owners;
      // Splitting leaves empty Text nodes in a run; a fresh walk skips them.
      if (owners.size === 1 && (only === undefined || nodesOf(only).filter((n) => n.data !== '').length === fresh.nodes.length)) continue;
      for (const o of owners) if (o) stale.add(o);
    }
  }
  return stale;
}
