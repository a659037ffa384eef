// The bundles drop the libraries' license comments, so dist/ must carry their notices itself.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const notices = resolve(__dirname, '../../dist/THIRD-PARTY-NOTICES.txt');

describe('third-party notices in dist/', () => {
  it('name every bundled library with its version, license and license text', () => {
    expect(existsSync(notices), 'run `npm run build` first (`npm test` does)').toBe(true);
    const text = readFileSync(notices, 'utf8');
    for (const [name, license] of [
      ['mark.js', 'MIT'],
      ['@floating-ui/dom', 'MIT'],
      ['valibot', 'MIT'],
      ['webextension-polyfill', 'MPL-2.0'],
    ] as const) {
      const version = JSON.parse(readFileSync(resolve(__dirname, `../../node_modules/${name}/package.json`), 'utf8')).version as string;
      expect(text).toContain(`${name} ${version} (${license})`);
    }
    expect(text).toContain('Mozilla Public License Version 2.0');
    expect(text).toContain('Permission is hereby granted, free of charge');
  });
});
