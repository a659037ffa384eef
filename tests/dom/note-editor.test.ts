// @vitest-environment jsdom
// The note editor: its form (in the editor's own extension document) shows a hostile selection as
// plain text, Escape cancels, Tab stays inside, a bad draft is refused with a message; its frame
// in the page sits in a closed shadow root and gives focus back when it goes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoteDraft } from '../../src/core/notes';
import { NoteForm } from '../../src/note-editor/form';
import { EditorFrame } from '../../src/ui/note-editor/frame';
import { placeEditor } from '../../src/ui/note-editor/place';

const EN = JSON.parse(readFileSync(resolve(__dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

beforeAll(() => {
  // Enough of getMessage for these strings: $NAME$ → the first substitution.
  const getMessage = (k: string, subs?: string[]) => EN[k]?.message.replace(/\$[A-Z_]+\$/, subs?.[0] ?? '') ?? '';
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage, getUILanguage: () => 'en' } };
});

function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

let forms: NoteForm[] = [];
function open(term: string, onSave: (d: NoteDraft) => Promise<void> = async () => {}, text?: string, onClose = vi.fn()): NoteForm {
  // Each test's form listens on the document: earlier ones are closed so they ignore its keys.
  for (const f of forms) f.close();
  const form = new NoteForm({ term, text, onSave, onClose });
  forms.push(form);
  document.body.append(form.form);
  form.focus();
  return form;
}

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.querySelectorAll('[data-backstory-note-editor]'))) el.remove();
});

describe('note form (the editor document)', () => {
  it('shows a hostile selection as plain text and focuses the note when the term is there', () => {
    const form = open('<img src=x onerror=alert(1)>Kim');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('input')!.value).toBe('<img src=x onerror=alert(1)>Kim');
    expect(document.activeElement).toBe(document.querySelector('textarea'));
    expect(form.isOpen).toBe(true);
  });

  it('focuses the term when there is none yet', () => {
    open('');
    expect(document.activeElement).toBe(document.querySelector('input'));
  });

  it('Escape cancels without saving', () => {
    const onSave = vi.fn(async () => {});
    const onClose = vi.fn();
    const form = open('Yongbyon', onSave, undefined, onClose);
    key(document.querySelector('textarea')!, 'Escape');
    expect(form.isOpen).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the form, both ways', () => {
    open('Yongbyon');
    const controls = Array.from(document.querySelectorAll<HTMLElement>('input, textarea, button'));
    const last = controls.at(-1)!;
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(controls[0]);
    expect(key(controls[0]!, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
  });

  it('saves a cleaned draft with Ctrl+Enter and closes; refuses an empty note with a message', async () => {
    const onSave = vi.fn(async (_d: NoteDraft) => {});
    const onClose = vi.fn();
    const form = open('  test   of nerves ', onSave, undefined, onClose);
    key(document.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    await Promise.resolve();
    expect(onSave).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')!.textContent).toBe('Not saved: the note is empty');
    expect(form.isOpen).toBe(true);
    document.querySelector('textarea')!.value = ' My reading. ';
    key(document.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    await vi.waitFor(() => expect(form.isOpen).toBe(false));
    expect(onSave).toHaveBeenCalledWith({ term: 'test of nerves', text: 'My reading.' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open and says why when storing fails', async () => {
    const form = open('Yongbyon', async () => Promise.reject(new Error('storage is full')), 'kept text');
    document.querySelector<HTMLButtonElement>('button.save')!.click();
    await vi.waitFor(() => expect(document.querySelector('[role="alert"]')!.textContent).toBe('Not saved: storage is full'));
    expect(form.isOpen).toBe(true);
    expect(document.querySelector('textarea')!.value).toBe('kept text');
  });
});

describe('editor frame (in the page)', () => {
  it('frames the editor page in a closed shadow root, with no text in the page', () => {
    const frame = new EditorFrame('chrome-extension://backstory/note-editor/editor.html', { top: 100, bottom: 120, left: 40 }).open();
    expect(document.querySelector('[data-backstory-note-editor]')).toBe(frame.host);
    expect(frame.host.shadowRoot).toBeNull();
    expect(frame.host.textContent).toBe('');
    expect(document.querySelector('iframe'), 'the frame is not in the page’s tree').toBeNull();
  });

  it('closing gives focus back to where the reader was', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const onClose = vi.fn();
    const frame = new EditorFrame('about:blank', null, document, onClose).open();
    frame.close();
    expect(frame.isOpen).toBe(false);
    expect(document.querySelector('[data-backstory-note-editor]')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('placeEditor', () => {
  const size = { width: 300, height: 200 };
  const view = { width: 800, height: 600 };
  it('goes below the selection when it fits, above when it does not, inside the viewport', () => {
    expect(placeEditor({ top: 100, bottom: 120, left: 40 }, size, view)).toEqual({ top: 126, left: 40 });
    expect(placeEditor({ top: 500, bottom: 520, left: 700 }, size, view)).toEqual({ top: 294, left: 492 });
    expect(placeEditor(null, size, view).left).toBe(250);
  });
});
