// Entry of note-editor/editor.js: the note editor's own document, framed in the page next to the
// reader's selection. It asks the background what to show (the term the content script opened it
// for, and the note kept for it), and saves through the background: the content script, which
// runs among the page's scripts, never holds what the reader types.
import browser from 'webextension-polyfill';
import type { Responses } from '../shared/messages';
import { errorText } from '../shared/error-text';
import { t } from '../shared/i18n';
import { NoteForm } from './form';

async function ask<T>(msg: object): Promise<T> {
  return (await browser.runtime.sendMessage(msg)) as T;
}

function close(): void {
  // The content script takes the frame away (and gives the page its focus back).
  void ask({ type: 'backstory:note-editor-close' }).catch(() => undefined);
}

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('note_editor_label');
  const draft = await ask<Responses['backstory:note-editor-draft'] | undefined>({ type: 'backstory:note-editor-draft' }).catch(() => undefined);
  const form = new NoteForm({
    term: draft?.term ?? '',
    text: draft?.text,
    onSave: async (d) => {
      const r = await ask<Responses['backstory:save-note'] | undefined>({ type: 'backstory:save-note', term: d.term, text: d.text });
      if (!r?.ok) throw new Error(r?.error ?? 'the extension did not answer');
    },
    onClose: close,
  });
  document.body.append(form.form);
  form.focus();
  // The content script focuses this frame once it is placed; the field takes it then too.
  addEventListener('focus', () => {
    if (!document.activeElement || document.activeElement === document.body) form.focus();
  });
  document.body.dataset.ready = '';
}

void main().catch((err) => console.error('Backstory: the note editor failed:', errorText(err)));
