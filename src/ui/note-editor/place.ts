// Where the note editor goes (pure): below the selection when it fits, else above, always inside
// the viewport with a margin. Without a selection box it is centred near the top.
export interface Box {
  top: number;
  bottom: number;
  left: number;
}

const MARGIN = 8;
const GAP = 6;

export function placeEditor(
  anchor: Box | null,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const clamp = (x: number, max: number) => Math.max(MARGIN, Math.min(x, max - MARGIN));
  if (!anchor) return { top: MARGIN * 6, left: clamp((viewport.width - size.width) / 2, viewport.width - size.width) };
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  const top = below + size.height <= viewport.height - MARGIN || above < MARGIN ? below : above;
  return { top: clamp(top, viewport.height - size.height), left: clamp(anchor.left, viewport.width - size.width) };
}
