// Options section for the reading memory: whether it is on (and if not, why), how much it holds,
// retention, excluded sites, forgetting a site or everything, export and import. Stored text
// (site names, reasons) goes in as text only.
import browser from 'webextension-polyfill';
import { RETENTIONS, type Retention } from '../core/memory/earlier';
import { el } from '../shared/dom';
import { errorText } from '../shared/error-text';
import { t, uiLanguage } from '../shared/i18n';
import { MAX_MEMORY_FILE_CHARS, type MemoryStatus } from '../shared/memory-messages';
import type { MessageOf, Responses } from '../shared/messages';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { downloadText, jsonFilePicker, readChosenFile } from './files';
import { sendToBackground } from './send';
import { choice } from './form';

const send = sendToBackground;

/** A moment in the reader's language, to the minute. */
function when(ms: number): string {
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}

const RETENTION_KEYS: Record<Retention, string> = { '3m': 'options_memory_retention_3m', '1y': 'options_memory_retention_1y', forever: 'options_memory_retention_forever' };

export async function mountMemory(root: HTMLElement): Promise<void> {
  const notice = el('p', 'notice');
  notice.id = 'memory-notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  // Lookups that failed with the memory open: the cards went on without earlier items.
  const lookupErrors = el('p', 'notice');
  lookupErrors.id = 'memory-lookup-errors';
  lookupErrors.hidden = true;
  const counts = el('p', 'memory-counts');
  counts.id = 'memory-counts';
  const status = el('p', 'status');
  status.id = 'memory-status';
  status.setAttribute('role', 'status');

  const onLabel = choice('checkbox', 'memory', 'on', t('options_memory_on'));
  const onBox = onLabel.querySelector('input')!;

  const retention = el('fieldset');
  const retentionChoices = el('div', 'choices');
  retention.append(el('legend', '', t('options_memory_retention')), retentionChoices);
  const radios = RETENTIONS.map((r) => {
    const label = choice('radio', 'memoryRetention', r, t(RETENTION_KEYS[r]));
    retentionChoices.append(label);
    return label.querySelector('input')!;
  });

  const excluded = el('textarea');
  excluded.name = 'memoryExcludedSites';
  excluded.rows = 3;
  const excludedLabel = el('label', 'memory-excluded');
  excludedLabel.append(el('span', '', t('options_memory_excluded')), excluded);
  const saveExcluded = el('button', '', t('options_memory_save_excluded'));
  saveExcluded.type = 'button';

  const site = el('input');
  site.type = 'text';
  site.name = 'memory-forget-site';
  site.placeholder = 'example.com';
  const siteLabel = el('label');
  siteLabel.append(el('span', '', `${t('options_memory_site')} `), site);
  const forgetSite = el('button', '', t('options_memory_forget_site'));
  forgetSite.type = 'button';
  forgetSite.id = 'memory-forget-site';
  const forgetAll = el('button', 'danger', t('options_memory_forget_all'));
  forgetAll.type = 'button';
  forgetAll.id = 'memory-forget-all';
  const exportButton = el('button', '', t('options_memory_export'));
  exportButton.type = 'button';
  exportButton.id = 'memory-export';
  const { file, label: importLabel } = jsonFilePicker('memory-file', t('options_memory_import'), 'memory-import');

  root.replaceChildren(
    el('h2', '', t('options_memory')),
    el('p', 'hint', t('options_memory_intro')),
    notice,
    lookupErrors,
    counts,
    onLabel,
    retention,
    excludedLabel,
    el('p', 'hint', t('options_memory_excluded_hint')),
    saveExcluded,
    el('div', 'memory-forget'),
    exportButton,
    importLabel,
    status,
  );
  root.querySelector('.memory-forget')!.append(siteLabel, forgetSite, forgetAll);

  function say(text: string): void {
    status.textContent = text;
  }

  function showSettings(s: Awaited<ReturnType<typeof loadSettings>>): void {
    onBox.checked = s.memory;
    for (const r of radios) r.checked = r.value === s.memoryRetention;
    if (document.activeElement !== excluded) excluded.value = s.memoryExcludedSites.join('\n');
  }

  function describe(st: MemoryStatus): string | null {
    if (!st.available) return t('options_memory_off_storage', st.reason ?? '');
    if (!st.on) return t('options_memory_off_setting');
    if (st.lastError) return t('options_memory_last_error', st.lastError);
    if (st.persisted === false) return t('options_memory_not_persisted');
    return null;
  }

  async function refresh(): Promise<void> {
    const st = await send({ type: 'backstory:memory-status' });
    const text = describe(st);
    notice.hidden = text === null;
    notice.textContent = text ?? '';
    const failed = st.lookupErrors;
    lookupErrors.hidden = !failed;
    lookupErrors.textContent = failed ? t('options_memory_lookup_errors', failed.count, when(failed.at), failed.last) : '';
    counts.textContent = st.stats ? t('options_memory_counts', st.stats.articles, st.stats.entities, Math.ceil(st.stats.bytes / 1024)) : '';
    for (const b of [forgetSite, forgetAll, exportButton, file]) b.disabled = !st.available;
  }

  async function change(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      say(errorText(err));
    }
    await refresh().catch(() => undefined);
  }

  onBox.addEventListener('change', () => void change(() => saveSettings({ memory: onBox.checked })));
  for (const r of radios) r.addEventListener('change', () => void change(() => saveSettings({ memoryRetention: r.value as Retention })));
  saveExcluded.addEventListener('click', () =>
    void change(async () => {
      const list = excluded.value.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
      const s = await saveSettings({ memoryExcludedSites: list });
      excluded.value = s.memoryExcludedSites.join('\n');
    }),
  );
  forgetSite.addEventListener('click', () =>
    void change(async () => {
      const host = site.value.trim().toLowerCase();
      if (!host) return;
      const r = await send({ type: 'backstory:memory-forget', scope: 'site', site: host });
      say(r.ok ? t('options_memory_forgot', r.removed) : (r.error ?? ''));
    }),
  );
  forgetAll.addEventListener('click', () =>
    void change(async () => {
      if (!window.confirm(t('options_memory_confirm_all'))) return;
      const r = await send({ type: 'backstory:memory-forget', scope: 'all' });
      say(r.ok ? t('options_memory_forgot', r.removed) : (r.error ?? ''));
    }),
  );
  exportButton.addEventListener('click', () =>
    void change(async () => {
      const r = await send({ type: 'backstory:memory-export' });
      if (!r.ok) throw new Error(r.error);
      downloadText(r.json, `backstory-memory-${new Date().toISOString().slice(0, 10)}.json`);
    }),
  );
  file.addEventListener('change', () =>
    void change(async () => {
      try {
        const text = await readChosenFile(file, MAX_MEMORY_FILE_CHARS, t('options_memory_import_refused', 'the file is too large'));
        if (text === null) return;
        const r = await send({ type: 'backstory:memory-import', text });
        say(r.ok ? t('options_memory_imported', r.count) : t('options_memory_import_refused', r.error));
      } finally {
        // The same file picked again must fire `change` again.
        file.value = '';
      }
    }),
  );

  showSettings(await loadSettings());
  onSettingsChanged(showSettings);
  await refresh();
  root.hidden = false;
}
