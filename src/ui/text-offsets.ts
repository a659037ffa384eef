// Offsets in a run's joined text mapped back to its Text nodes, for scrolling to a cited sentence.

/** The Text node and offset at `offset` of a run's text; an offset on a node boundary maps to the
 *  start of the next node unless `preferEnd` (for range ends). */
export function locate(run: { nodes: Text[] }, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  let pos = 0;
  for (const node of run.nodes) {
    const len = node.data.length;
    if (offset < pos + len || (preferEnd && offset === pos + len)) return { node, offset: offset - pos };
    pos += len;
  }
  const last = run.nodes[run.nodes.length - 1];
  return last && offset === pos ? { node: last, offset: last.data.length } : null;
}
