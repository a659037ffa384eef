// How the real acronym sets are read (tests/eval/README.md, "Real acronym sets"), on small
// inputs of our own in each set's format.
import { describe, expect, it } from 'vitest';
import { detokenize, halfOf, parseBioC, parseSdu, scoreDocs } from './real-acronyms';

const BIOC = `<?xml version="1.0"?><collection><document><id>42</id>
<passage><infon key="type">title</infon><offset>0</offset><text>A study of the Korea Trade &amp; Investment Agency</text></passage>
<passage><infon key="type">abstract</infon><offset>50</offset><text>The Unmanned Aerial Vehicle (UAV) flew.</text>
<annotation id="SF0"><infon key="type">ABBR</infon><location offset="78" length="3"/><text>UAV</text></annotation>
<annotation id="LF0"><infon key="type">ABBR</infon><location offset="54" length="22"/><text>Unmanned Aerial Vehicle</text></annotation>
<relation id="R0"><infon key="type">ABBR</infon><node refid="LF0" role="LongForm"/><node refid="SF0" role="ShortForm"/></relation>
</passage></document></collection>`;

describe('real acronym sets', () => {
  it('reads BioC passages as runs and relations as gold pairs', () => {
    const [doc] = parseBioC(BIOC);
    expect(doc?.id).toBe('42');
    expect(doc?.runs).toEqual([
      { text: 'A study of the Korea Trade & Investment Agency', kind: 'heading' },
      { text: 'The Unmanned Aerial Vehicle (UAV) flew.', kind: 'body' },
    ]);
    expect(doc?.gold).toEqual([{ short: 'UAV', long: 'Unmanned Aerial Vehicle' }]);
  });

  it('pairs each SDU long form with the nearest short form sharing its first letter', () => {
    const tokens = ['In', '2D', 'and', '3D', 'digital', 'twin', 'models', '(', 'DTM', ')', 'win', '.'];
    const labels = ['O', 'B-short', 'O', 'B-short', 'B-long', 'I-long', 'I-long', 'O', 'B-short', 'O', 'O', 'O'];
    const [doc] = parseSdu(JSON.stringify([{ id: 'DEV-1', tokens, labels }]));
    expect(doc?.runs[0]?.text).toBe('In 2D and 3D digital twin models (DTM) win.');
    expect(doc?.gold).toEqual([{ short: 'DTM', long: 'digital twin models' }]);
  });

  it('joins tokens without spaces inside brackets and around hyphens', () => {
    expect(detokenize(['a', 'well', '-', 'known', 'task', '(', 'x', ')', ',', 'done']).text).toBe('a well-known task (x), done');
  });

  it('splits by a stable hash of the document id', () => {
    const ids = Array.from({ length: 200 }, (_, i) => String(10_000 + i));
    const dev = ids.filter((id) => halfOf(id) === 'dev').length;
    expect(dev).toBeGreaterThan(70);
    expect(dev).toBeLessThan(130);
    expect(ids.map(halfOf)).toEqual(ids.map(halfOf));
  });

  it('scores ours and the baseline against the gold pairs', () => {
    const h = scoreDocs(parseBioC(BIOC), true);
    expect(h.ours).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(h.baseline).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});
