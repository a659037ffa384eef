// Places the card beside its mention with @floating-ui/dom, and keeps it there while open
// (scrolling, resizing, the mention moving) through autoUpdate.
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

export interface Placement {
  stop(): void;
}

export function placeCard(reference: Element, floating: HTMLElement): Placement {
  let stopped = false;
  const update = (): void => {
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    })
      .then(({ x, y }) => {
        if (stopped) return;
        floating.style.setProperty('left', `${Math.round(x)}px`);
        floating.style.setProperty('top', `${Math.round(y)}px`);
      })
      .catch(() => {
        // A mention removed by the page mid-update: nothing to place against.
      });
  };
  // autoUpdate needs ResizeObserver; without it (old engines, jsdom) place once.
  const cleanup = typeof ResizeObserver === 'function' ? autoUpdate(reference, floating, update) : (update(), () => {});
  return {
    stop() {
      stopped = true;
      cleanup();
    },
  };
}
