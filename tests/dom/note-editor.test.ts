// @vitest-environment jsdom
// The in-page note editor: a closed shadow root, page text shown as text only, Escape cancels and
// gives focus back, Tab stays inside, a bad draft is refused with a message, keys stay inside.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoteDraft } from '../../src/core/notes';
import { NoteEditor } from '../../src/ui/note-editor/editor';
import { placeEditor } from '../../src/ui/note-editor/place';

const EN = JSON.parse(readFileSync(resolve(__dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

beforeAll(() => {
  // Enough of getMessage for these strings: $NAME$ → the first substitution.
  const getMessage = (k: string, subs?: string[]) => EN[k]?.message.replace(/\$[A-Z_]+\$/, subs?.[0] ?? '') ?? '';
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage, getUILanguage: () => 'en' } };
});

function shadowOf(editor: NoteEditor): ShadowRoot {
  return (editor as unknown as { shadow: ShadowRoot }).shadow;
}

function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

function open(term: string, onSave: (d: NoteDraft) => Promise<void> = async () => {}, text?: string): NoteEditor {
  return new NoteEditor({ term, text, anchor: { top: 100, bottom: 120, left: 40 }, onSave }).open();
}

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.querySelectorAll('[data-backstory-note-editor]'))) el.remove();
});

describe('note editor', () => {
  it('lives in a closed shadow root and shows a hostile selection as plain text', () => {
    const editor = open('<img src=x onerror=alert(1)>Kim');
    expect(editor.host.shadowRoot).toBeNull();
    expect(document.querySelector('[data-backstory-note-editor]')).toBe(editor.host);
    const shadow = shadowOf(editor);
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('input')!.value).toBe('<img src=x onerror=alert(1)>Kim');
    // The term was prefilled, so the note field has focus.
    expect(shadow.activeElement).toBe(shadow.querySelector('textarea'));
    expect(editor.host.textContent).toBe('');
  });

  it('Escape cancels without saving and returns focus to where the reader was', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const onSave = vi.fn(async () => {});
    const editor = open('Yongbyon', onSave);
    key(shadowOf(editor).querySelector('textarea')!, 'Escape');
    expect(editor.isOpen).toBe(false);
    expect(document.querySelector('[data-backstory-note-editor]')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button);
  });

  it('keeps Tab inside the form, both ways', () => {
    const shadow = shadowOf(open('Yongbyon'));
    const controls = Array.from(shadow.querySelectorAll<HTMLElement>('input, textarea, button'));
    const last = controls.at(-1)!;
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(controls[0]);
    expect(key(controls[0]!, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(last);
  });

  it('keeps the keys typed into a note from reaching the page', () => {
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    const editor = open('Yongbyon');
    key(shadowOf(editor).querySelector('textarea')!, 'a');
    document.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
  });

  it('saves a cleaned draft with Ctrl+Enter and closes; refuses an empty note with a message', async () => {
    const onSave = vi.fn(async (_d: NoteDraft) => {});
    const editor = open('  test   of nerves ', onSave);
    const shadow = shadowOf(editor);
    key(shadow.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    await Promise.resolve();
    expect(onSave).not.toHaveBeenCalled();
    expect(shadow.querySelector('[role="alert"]')!.textContent).toBe('Not saved: the note is empty');
    expect(editor.isOpen).toBe(true);
    shadow.querySelector('textarea')!.value = ' My reading. ';
    key(shadow.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    await vi.waitFor(() => expect(editor.isOpen).toBe(false));
    expect(onSave).toHaveBeenCalledWith({ term: 'test of nerves', text: 'My reading.' });
  });

  it('stays open and says why when storing fails', async () => {
    const editor = open('Yongbyon', async () => Promise.reject(new Error('storage is full')), 'kept text');
    const shadow = shadowOf(editor);
    shadow.querySelector<HTMLButtonElement>('button.save')!.click();
    await vi.waitFor(() => expect(shadow.querySelector('[role="alert"]')!.textContent).toBe('Not saved: storage is full'));
    expect(editor.isOpen).toBe(true);
    expect(shadow.querySelector('textarea')!.value).toBe('kept text');
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
