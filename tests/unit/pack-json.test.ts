import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, readJson, utf8Length } from '../../src/core/pack/json';
import { describeOversize, formatSize } from '../../src/core/pack/size';

describe('pack file reading helpers', () => {
  it('counts UTF-8 bytes exactly, including astral characters such as emoji', () => {
    expect(utf8Length('Sŏn-hŭi 😀')).toBe(Buffer.byteLength('Sŏn-hŭi 😀', 'utf8'));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')));
  });

  it('turns an offset into the line and column an editor shows', () => {
    const text = '{\n  "a": 1,\n  }';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('}'))).toEqual({ line: 3, column: 3 });
  });

  it('reports the size limit in units a person reads, never making a bigger file look equal', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(300 * 1024)).toBe('300 KB');
    expect(describeOversize(12 * 1024 * 1024, 5 * 1024 * 1024)).toBe('file is 12 MB, the limit is 5 MB');
    expect(describeOversize(5 * 1024 * 1024 + 1, 5 * 1024 * 1024)).toBe(`file is ${5 * 1024 * 1024 + 1} bytes, the limit is ${5 * 1024 * 1024} bytes`);
  });

  it('rejects an oversize file by its byte count, with both sizes in the message', () => {
    const r = readJson(`"${'x'.repeat(2000)}"`, 1000);
    expect(r).toEqual({ ok: false, error: 'file is 2 KB, the limit is 1000 bytes' });
  });
});
