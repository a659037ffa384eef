// Options section for knowledge packs: list, enable/disable, import, export, remove. Renders into `el` and un-hides it.
// Pack titles, file names and the parser's messages are shown as text only: they come from files.
import { MAX_PACK_BYTES } from '../core/pack/limits';
import type { PackInfo } from '../core/pack/library';
import { describeOversize } from '../core/pack/size';
import { t, tCount } from '../shared/i18n';
import { browserPacksApi, type PacksApi } from './packs-api';
import { el } from '../shared/dom';
import { errorText } from '../shared/error-text';
import { jsonFilePicker } from './files';

export async function mountPacks(root: HTMLElement, api: PacksApi = browserPacksApi): Promise<void> {
  const notice = el('p', 'notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  const list = el('ul', 'pack-list');
  list.setAttribute('aria-label', t('options_packs_title'));
  const status = el('p', 'status pack-status');
  status.setAttribute('role', 'status');
  // Errors get their own live region: a refused import must be read out, and stay until the next try.
  const problems = el('div', 'pack-errors');
  problems.setAttribute('role', 'alert');

  const { file, label: importLabel } = jsonFilePicker('pack-file', t('options_packs_import'), 'pack-import', 'pack-import-label');

  root.replaceChildren(
    el('h2', '', t('options_packs_title')),
    el('p', 'hint', t('options_packs_hint')),
    notice,
    list,
    importLabel,
    status,
    problems,
  );

  function say(text: string): void {
    problems.replaceChildren();
    status.textContent = text;
  }

  function fail(lead: string, errors: readonly string[]): void {
    status.textContent = '';
    const items = el('ul');
    items.append(...errors.map((e) => el('li', '', e)));
    problems.replaceChildren(el('p', '', lead), items);
  }

  async function refresh(): Promise<void> {
    const res = await api.send({ type: 'backstory:list-packs' });
    notice.hidden = res.notice !== 'index-rebuilt';
    notice.textContent = notice.hidden ? '' : t('options_packs_index_rebuilt');
    list.replaceChildren(...res.packs.map(row));
  }

  function row(p: PackInfo): HTMLLIElement {
    const li = el('li', 'pack');
    li.dataset.packId = p.id;
    const toggle = el('input');
    toggle.type = 'checkbox';
    toggle.name = 'pack-enabled';
    toggle.value = p.id;
    toggle.checked = p.enabled;
    // A pack that does not load cannot be used either way; its switch would promise what it cannot do.
    toggle.disabled = p.problem !== undefined;
    toggle.addEventListener('change', () => void setEnabled(p, toggle));
    const name = el('label', 'check pack-name');
    name.append(toggle, el('span', 'pack-title', p.title));

    const facts = [p.bundled ? t('options_packs_builtin') : t('options_packs_imported')];
    if (p.version !== null) facts.push(t('options_packs_version', p.version));
    if (!p.problem) facts.push(tCount('options_packs_entities', p.entityCount));
    if (p.asOf) facts.push(t('options_packs_as_of', p.asOf));
    if (!p.problem) facts.push(p.license ? t('options_packs_license', p.license) : t('options_packs_no_license'));
    const meta = el('span', 'pack-meta', facts.join(' · '));

    const exportButton = el('button', '', t('options_packs_export'));
    exportButton.type = 'button';
    exportButton.setAttribute('aria-label', t('options_packs_export_label', p.title));
    exportButton.addEventListener('click', () => void exportPack(p));
    const actions = el('span', 'pack-actions');
    actions.append(exportButton);
    if (!p.bundled) {
      const removeButton = el('button', '', t('options_packs_remove'));
      removeButton.type = 'button';
      removeButton.setAttribute('aria-label', t('options_packs_remove_label', p.title));
      removeButton.addEventListener('click', () => void removePack(p));
      actions.append(removeButton);
    }
    li.append(name, meta, actions);
    // Where the facts come from and whom the licence asks to credit, as the pack states them (text only).
    if (p.publishers?.length) {
      // Publishers' names may hold commas ("Central Intelligence Agency, The World Factbook").
      const list = p.publishers.join('; ');
      const more = (p.publisherCount ?? 0) - p.publishers.length;
      li.append(el('p', 'pack-sources', more > 0 ? t('options_packs_sources_more', list, more) : t('options_packs_sources', list)));
    }
    if (p.credit) li.append(el('p', 'pack-credit', t('options_packs_credit', p.credit)));
    if (p.problem) li.append(el('p', 'pack-problem', t('options_packs_problem', p.problem)));
    return li;
  }

  async function setEnabled(p: PackInfo, toggle: HTMLInputElement): Promise<void> {
    // One change at a time per switch: a second click before the first is stored could land out of order.
    toggle.disabled = true;
    try {
      const res = await api.send({ type: 'backstory:set-pack-enabled', id: p.id, enabled: toggle.checked });
      if (!res.ok) throw new Error(res.error);
      say(t('options_packs_changed'));
    } catch (err) {
      toggle.checked = !toggle.checked;
      fail(t('options_packs_error'), [errorText(err)]);
    } finally {
      toggle.disabled = false;
    }
  }

  async function exportPack(p: PackInfo): Promise<void> {
    try {
      const res = await api.send({ type: 'backstory:export-pack', id: p.id });
      if (!res.ok) throw new Error(res.error);
      api.download(res.filename, res.text);
    } catch (err) {
      fail(t('options_packs_error'), [errorText(err)]);
    }
  }

  async function removePack(p: PackInfo): Promise<void> {
    if (!api.confirm(t('options_packs_remove_confirm', p.title))) return;
    try {
      const res = await api.send({ type: 'backstory:remove-pack', id: p.id });
      if (!res.ok) throw new Error(res.error);
      await refresh();
      say(t('options_packs_removed', p.title));
    } catch (err) {
      fail(t('options_packs_error'), [errorText(err)]);
    }
  }

  async function importFile(f: File): Promise<void> {
    const lead = t('options_packs_import_failed', f.name);
    // Checked before reading: a huge file is refused without loading it into memory.
    if (f.size > MAX_PACK_BYTES) return fail(lead, [describeOversize(f.size, MAX_PACK_BYTES)]);
    try {
      const res = await api.send({ type: 'backstory:import-pack', text: await f.text() });
      if (!res.ok) return fail(lead, res.errors);
      await refresh();
      const count = tCount('options_packs_entities', res.pack.entityCount);
      say(t(res.replaced ? 'options_packs_replaced_ok' : 'options_packs_imported_ok', res.pack.title, count));
    } catch (err) {
      fail(lead, [errorText(err)]);
    }
  }

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires `change` again.
    if (chosen) void importFile(chosen).finally(() => (file.value = ''));
  });

  try {
    await refresh();
  } catch (err) {
    fail(t('options_packs_load_failed'), [errorText(err)]);
  }
  root.hidden = false;
}
