import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/article/sentences';
import type { RunText } from '../../src/core/types';

const split = (text: string, kind: RunText['kind'] = 'body') => splitSentences([{ text, kind }]).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials, dates and decimals inside their sentence', () => {
    expect(split('Mr. Moon met Gen. Park on Aug. 31 in the U.S. capital. Growth was 3.5 percent. It slowed.')).toEqual([
      'Mr. Moon met Gen. Park on Aug. 31 in the U.S. capital.',
      'Growth was 3.5 percent.',
      'It slowed.',
    ]);
    expect(split('Donald J. Trump spoke to Dr. Lee about Resolution No. 2 at the U.N. Security Council.')).toHaveLength(1);
  });

  it('ends a sentence after "U.S." when a typical opener follows', () => {
    expect(split('Talks stalled with the U.S. The regime waited.')).toEqual(['Talks stalled with the U.S.', 'The regime waited.']);
  });

  it('keeps a quotation together with its lower-case attribution', () => {
    expect(split('“We will not wait forever,” she said. “Nor should we?” he asked. Then they left.')).toEqual([
      '“We will not wait forever,” she said.',
      '“Nor should we?” he asked.',
      'Then they left.',
    ]);
    expect(split('“The door is open.” The envoy smiled.')).toEqual(['“The door is open.”', 'The envoy smiled.']);
  });

  it('splits at an ellipsis followed by a new sentence, and at blank lines', () => {
    expect(split('We waited... Nothing came.')).toEqual(['We waited...', 'Nothing came.']);
    expect(split('First line\n\nSecond line')).toEqual(['First line', 'Second line']);
  });

  it('gives offsets into the run text and never joins runs', () => {
    const runs: RunText[] = [
      { text: 'Envoy quits', kind: 'heading' },
      { text: '  He left on Monday. Nobody knew why.', kind: 'body' },
    ];
    const out = splitSentences(runs);
    expect(out.map((s) => [s.run, s.text])).toEqual([
      [0, 'Envoy quits'],
      [1, 'He left on Monday.'],
      [1, 'Nobody knew why.'],
    ]);
    for (const s of out) expect(runs[s.run]?.text.slice(s.start, s.end)).toBe(s.text);
  });
});
