// @vitest-environment jsdom
// Keyboard stepping over hand-made mention markup: one stop per mention (a name split by inline
// tags is one stop), wrapping at both ends, continuing from the mention that has focus.
import { beforeEach, describe, expect, it } from 'vitest';
import { mentionStops, stepMention } from '../../src/ui/step';

const m = (id: string, text: string) => `<backstory-mention data-backstory-entity="${id}">${text}</backstory-mention>`;

beforeEach(() => {
  document.body.innerHTML = `<article>
    <p>${m('choe', 'Choe')} ${m('choe', 'Son Hui')} met ${m('pompeo', 'Mike Pompeo')}.</p>
    <p>${m('kim', '<b>Kim</b>')}${m('kim', ' Jong Un')} spoke; ${m('choe', 'Choe')} ${m('choe', 'Choe')} replied.</p>
    <p><a href="#x">${m('yongbyon', 'Yongbyon')}</a> was named.</p>
  </article>`;
});

const stopText = () => mentionStops(document).map((el) => el.textContent);
const focusedText = () => document.activeElement?.textContent;

describe('mentionStops', () => {
  it('makes one stop per mention, joining only pieces with nothing between them', () => {
    // "Choe Son Hui" has a space between its pieces: two separate stops (as the DOM says).
    // "Kim Jong Un" is two touching pieces of one mention: one stop. "Choe Choe" are two mentions.
    expect(stopText()).toEqual(['Choe', 'Son Hui', 'Mike Pompeo', 'Kim', 'Choe', 'Choe', 'Yongbyon']);
  });
});

describe('stepMention', () => {
  it('moves forward from the focused mention and wraps to the first', () => {
    const seen: (string | undefined | null)[] = [];
    for (let i = 0; i < 8; i++) {
      stepMention(document, 'next');
      seen.push(focusedText());
    }
    expect(seen).toEqual(['Choe', 'Son Hui', 'Mike Pompeo', 'Kim', 'Choe', 'Choe', 'Yongbyon', 'Choe']);
  });

  it('moves back and wraps to the last', () => {
    stepMention(document, 'next');
    stepMention(document, 'previous');
    expect(focusedText()).toBe('Yongbyon');
    stepMention(document, 'previous');
    expect(focusedText()).toBe('Choe');
  });

  it('continues from a later piece of a split mention as from the mention itself', () => {
    const piece = document.querySelectorAll<HTMLElement>('backstory-mention[data-backstory-entity="kim"]')[1]!;
    piece.tabIndex = -1;
    piece.focus();
    stepMention(document, 'next');
    expect(focusedText()).toBe('Choe');
    expect(document.activeElement?.closest('p')?.textContent).toContain('Kim');
  });

  it('makes a stepped-to mention focusable without adding it to the Tab order', () => {
    const el = stepMention(document, 'next');
    expect(el?.getAttribute('tabindex')).toBe('-1');
  });

  it('returns null on a page without mentions', () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    expect(stepMention(document, 'next')).toBeNull();
  });
});
