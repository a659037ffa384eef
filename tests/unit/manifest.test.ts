// One manifest serves Chrome and Firefox: these are the rules each store and browser enforces,
// plus the privacy promises (no blanket host access, no remote code).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const locales = ['en', 'ko'].map((lang) => ({
  lang,
  messages: JSON.parse(readFileSync(resolve(root, `_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>,
}));

const BROAD = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*|file:\/\/)/;

describe('manifest: both browsers', () => {
  it('is Manifest V3 with the package version', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
  });

  it('declares the background both ways: service worker (Chrome) and scripts (Firefox), same bundle', () => {
    expect(manifest.background.service_worker).toBe('background.js');
    expect(manifest.background.scripts).toEqual(['background.js']);
  });

  it('has the Firefox id, minimum version and data-collection declaration', () => {
    const gecko = manifest.browser_specific_settings.gecko;
    expect(gecko.id).toBe('backstory@backstory.local');
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('asks for no host access at install and nothing beyond what it uses', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    // unlimitedStorage: Firefox keeps the reading memory's IndexedDB through disk pressure only for
    // an extension holding it (it answers navigator.storage.persist() with false otherwise).
    for (const p of manifest.permissions) expect(['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus']).toContain(p);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'activeTab', 'scripting']));
    // Wide access only as an optional grant the reader gives per site.
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('runs the content script on the demo server and news sites only, never everywhere', () => {
    const [cs, ...more] = manifest.content_scripts;
    expect(more).toHaveLength(0);
    expect(cs.matches).toEqual(expect.arrayContaining(['http://localhost/*', 'http://127.0.0.1/*', '*://*.nytimes.com/*', '*://*.dailynk.com/*']));
    for (const m of cs.matches) {
      expect(m, m).not.toMatch(BROAD);
      expect(m, m).toMatch(/^(\*|https?):\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\/\*$|^http:\/\/(localhost|127\.0\.0\.1)\/\*$/);
    }
    expect(new Set(cs.matches).size).toBe(cs.matches.length);
    expect(cs.js).toEqual(['content.js']);
    expect(cs.css).toEqual(['content.css']);
    expect(cs.run_at).toBe('document_idle');
  });

  it('allows only its own scripts on extension pages', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('has a popup, an options page, a toggle command and icons that exist', () => {
    expect(manifest.action.default_popup).toBe('popup/popup.html');
    expect(manifest.options_ui.page).toBe('options/options.html');
    expect(manifest.commands['toggle-backstory'].suggested_key.default).toMatch(/^(Alt|Ctrl)\+/);
    for (const size of ['16', '32', '48', '128']) {
      expect(manifest.icons[size]).toBe(`icons/icon-${size}.png`);
      expect(existsSync(resolve(root, manifest.icons[size])), manifest.icons[size]).toBe(true);
    }
    for (const [from] of [['src/popup/popup.html'], ['src/options/options.html']]) expect(existsSync(resolve(root, from!))).toBe(true);
  });

  it('names every __MSG_ string in every locale, within store length limits', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(keys).toEqual(expect.arrayContaining(['ext_name', 'ext_description', 'command_toggle']));
    expect(manifest.default_locale).toBe('en');
    for (const { lang, messages } of locales) {
      for (const k of keys) expect(messages[k]?.message, `${lang}: ${k}`).toBeTruthy();
      expect(messages.ext_name!.message.length, `${lang} name`).toBeLessThanOrEqual(75);
      expect(messages.ext_description!.message.length, `${lang} description`).toBeLessThanOrEqual(132);
    }
  });
});
