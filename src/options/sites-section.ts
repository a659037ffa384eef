// Options section for the sites Backstory runs on: the manifest's news sites (each can be switched
// off), the sites the reader added (remove → script unregistered, access given back), and adding a
// site (access asked for inside the click, then a content script registered for it).
import browser from 'webextension-polyfill';
import { parseSite, siteLabel } from '../core/sites';
import { t } from '../shared/i18n';
import { listSites, registerSite, removeSite, requestSitePermission } from '../shared/site-access';
import { loadDisabledSites, setSiteDisabled } from '../shared/sites-store';
import { el } from '../shared/dom';

/** Every pattern the manifest's content scripts run on, in the manifest's order. */
function defaultPatterns(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((s) => s.matches ?? []))];
}

export async function mountSites(root: HTMLElement): Promise<void> {
  const status = el('p', 'sites-status', '');
  status.setAttribute('role', 'status');
  const say = (text: string) => (status.textContent = text);

  const yours = el('ul', 'site-list');
  yours.id = 'your-sites';
  const none = el('p', 'hint', t('options_sites_none'));

  async function showYours(): Promise<void> {
    const hosts = await listSites().catch(() => []);
    none.hidden = hosts.length > 0;
    yours.replaceChildren(
      ...hosts.map((host) => {
        const item = el('li');
        item.dataset.addedSite = host;
        const remove = el('button', undefined, t('options_sites_remove'));
        remove.type = 'button';
        remove.setAttribute('aria-label', t('options_sites_remove_label', host));
        remove.addEventListener('click', async () => {
          remove.disabled = true;
          const r = await removeSite(host);
          say(r.ok ? t('options_sites_removed', host) : t('options_sites_failed', host, r.error ?? ''));
          await showYours();
        });
        item.append(el('span', 'site-host', host), remove);
        return item;
      }),
    );
  }

  const add = el('form', 'site-add');
  add.noValidate = true;
  const label = el('label', undefined, t('options_sites_add_label'));
  label.htmlFor = 'site-input';
  const input = el('input');
  input.id = 'site-input';
  input.name = 'site';
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'example.com';
  const addButton = el('button', undefined, t('options_sites_add'));
  addButton.type = 'submit';
  add.append(label, input, addButton);
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    const parsed = parseSite(input.value);
    if (!parsed.ok) {
      input.setAttribute('aria-invalid', 'true');
      say(t(`options_sites_error_${parsed.error}`));
      return;
    }
    input.removeAttribute('aria-invalid');
    // First await of the click: the browser shows the prompt only inside the reader's gesture.
    if (!(await requestSitePermission(parsed.host))) return void say(t('options_sites_denied', parsed.host));
    const r = await registerSite(parsed.host);
    if (!r.ok) return void say(t('options_sites_failed', parsed.host, r.error ?? ''));
    input.value = '';
    say(t('options_sites_added', parsed.host));
    await showYours();
  });

  const disabled = new Set(await loadDisabledSites());
  const defaults = el('ul', 'site-list site-defaults');
  for (const pattern of defaultPatterns()) {
    const item = el('li');
    item.dataset.site = pattern;
    const wrap = el('label', 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !disabled.has(pattern);
    box.addEventListener('change', async () => {
      await setSiteDisabled(pattern, !box.checked);
      say(t(box.checked ? 'options_sites_turned_on' : 'options_sites_turned_off', siteLabel(pattern)));
    });
    wrap.append(box, el('span', undefined, siteLabel(pattern)));
    item.append(wrap);
    defaults.append(item);
  }

  root.replaceChildren(
    el('h2', undefined, t('options_sites')),
    el('p', 'hint', t('options_sites_intro')),
    el('h3', undefined, t('options_sites_yours')),
    none,
    yours,
    add,
    status,
    el('h3', undefined, t('options_sites_defaults')),
    el('p', 'hint', t('options_sites_defaults_hint')),
    defaults,
  );
  await showYours();
  // Access granted or taken back elsewhere (the popup, the browser's own menu) shows up here too.
  browser.permissions.onAdded.addListener(() => void showYours());
  browser.permissions.onRemoved.addListener(() => void showYours());
  root.hidden = false;
}
