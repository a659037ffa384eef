// The build's remote-code and network rules over bundle text: the background's read of its own
// pack files is the one fetch let through, anywhere else and in any other form it is refused.
import { describe, expect, it } from 'vitest';
import { forbiddenIn } from '../../scripts/lib/bundle-rules.mjs';

describe('bundle rules', () => {
  it('lets the background read a file of the extension by runtime.getURL, minified as esbuild writes it', () => {
    expect(forbiddenIn('background.js', 'let n=await fetch(Ct.default.runtime.getURL(t));')).toBeNull();
    expect(forbiddenIn('background.js', 'let n=await fetch(a.runtime.getURL(t));')).toBeNull();
  });

  it('refuses any other fetch, in the background too, and the same read in any other bundle', () => {
    expect(forbiddenIn('background.js', 'await fetch("https://tracker.example/p")')?.found).toBe('fetch(');
    expect(forbiddenIn('background.js', 'await fetch(u)')?.found).toBe('fetch(');
    expect(forbiddenIn('background.js', 'await fetch(a.runtime.getURL(t));fetch(x)')?.found).toBe('fetch(');
    expect(forbiddenIn('content.js', 'await fetch(a.runtime.getURL(t))')?.found).toBe('fetch(');
  });

  it('refuses code built from strings and the other network APIs', () => {
    expect(forbiddenIn('ui.js', 'eval(s)')?.found).toBe('eval(');
    expect(forbiddenIn('ui.js', 'new Function("x")')?.found).toBe('new Function');
    expect(forbiddenIn('popup/popup.js', 'new WebSocket(u)')?.found).toBe('WebSocket');
    expect(forbiddenIn('content.js', 'navigator.sendBeacon(u)')?.found).toBe('sendBeacon');
  });
});
