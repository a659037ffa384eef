// Options page entry: binds the settings form to the settings store. Every change is saved at once.
import { mountMemory } from './memory-section';
import type { Settings } from '../core/settings';
import { applyI18n, t } from '../shared/i18n';
import { loadSettingsWithNotice, onSettingsChanged, resetSettings, saveSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/ui-theme';
import { buildChoices, changeFor, fieldLabel, fillForm, showDelay } from './form';
import { mountNotes } from './notes-section';
import { mountPacks } from './packs-section';
import { mountSites } from './sites-section';

const form = document.getElementById('settings') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const notice = document.getElementById('notice') as HTMLElement;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

function say(text: string, sticky = false): void {
  clearTimeout(statusTimer);
  status.textContent = text;
  if (!sticky) statusTimer = setTimeout(() => (status.textContent = ''), 2000);
}

function show(s: Settings): void {
  fillForm(form, s);
  applyTheme(document, s.theme);
}

async function save(change: Partial<Settings>): Promise<void> {
  try {
    show(await saveSettings(change));
    say(t('options_saved'));
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  }
}

async function main(): Promise<void> {
  applyI18n(document);
  buildChoices(form);
  const loaded = await loadSettingsWithNotice();
  show(loaded.settings);
  const text = loaded.resetFields?.length ? t('options_notice_reset', loaded.resetFields.map(fieldLabel).join(', ')) : loaded.notice;
  if (text) {
    notice.textContent = text;
    notice.hidden = false;
  }
  form.addEventListener('input', (e) => {
    const input = e.target as HTMLInputElement;
    // The slider saves when released; while it moves only the shown value follows.
    if (input.name === 'hoverDelayMs') showDelay(form, Number(input.value));
  });
  form.addEventListener('change', (e) => void save(changeFor(form, e.target as HTMLInputElement)));
  document.getElementById('reset')?.addEventListener('click', async () => {
    show(await resetSettings());
    notice.hidden = true;
    say(t('options_reset_done'));
  });
  // Another options tab (or a future popup control) changed them.
  onSettingsChanged(show);
  // Each section owns its element and storage; one failing must not take the others down.
  const sections: [string, (el: HTMLElement) => Promise<void>][] = [
    ['sites-section', mountSites],
    ['packs-section', mountPacks],
    ['notes-section', mountNotes],
    ['memory-section', mountMemory],
  ];
  await Promise.all(
    sections.map(async ([id, mount]) => {
      const el = document.getElementById(id);
      if (el) await mount(el).catch((err) => console.error(`Backstory: ${id} failed`, err));
    }),
  );
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  notice.textContent = t('options_load_failed', err instanceof Error ? err.message : String(err));
  notice.hidden = false;
});
