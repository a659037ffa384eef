// The "Add a Backstory note" context menu: created for selections on web pages at install and
// startup, and a click opens the editor in the tab, starting Backstory there first if needed.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Fn = (...args: unknown[]) => unknown;
const listeners: Record<string, Fn[]> = {};
const on = (name: string) => ({ addListener: (f: Fn) => (listeners[name] ??= []).push(f) });
const created: unknown[] = [];
const sent: [number, unknown][] = [];
let contentScriptRunning = false;
const annotateTab = vi.fn(async () => {
  contentScriptRunning = true;
  return { ok: true };
});

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { onInstalled: on('installed'), onStartup: on('startup') },
    contextMenus: {
      removeAll: async () => void created.splice(0),
      create: (props: unknown) => void created.push(props),
      onClicked: on('clicked'),
    },
    tabs: {
      sendMessage: async (tabId: number, msg: unknown) => {
        if (!contentScriptRunning) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push([tabId, msg]);
        return { ok: true };
      },
    },
  },
}));
vi.mock('../../src/background/annotate', () => ({ annotateTab }));

const { registerNoteMenu, NOTE_MENU_ID } = await import('../../src/background/note-menu');
registerNoteMenu();

const click = async (info: object, tab?: object) => {
  for (const f of listeners.clicked ?? []) await f(info, tab);
};

beforeEach(() => {
  sent.length = 0;
  annotateTab.mockClear();
});

describe('note context menu', () => {
  it('is created once per install or startup, for selected text on web pages', async () => {
    for (const f of [...(listeners.installed ?? []), ...(listeners.startup ?? [])]) f();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ id: NOTE_MENU_ID, contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
  });

  it('starts Backstory in a tab that lacks it, then opens the editor with the selection', async () => {
    contentScriptRunning = false;
    await click({ menuItemId: NOTE_MENU_ID, selectionText: 'test of nerves' }, { id: 7 });
    expect(annotateTab).toHaveBeenCalledWith(7);
    expect(sent).toEqual([[7, { type: 'backstory:open-note-editor', term: 'test of nerves' }]]);
  });

  it('cuts a long selection, and ignores other menus and tabless clicks', async () => {
    contentScriptRunning = true;
    await click({ menuItemId: NOTE_MENU_ID, selectionText: 'x'.repeat(5000) }, { id: 3 });
    await click({ menuItemId: 'someone-else', selectionText: 'y' }, { id: 3 });
    await click({ menuItemId: NOTE_MENU_ID, selectionText: 'z' });
    expect(sent).toHaveLength(1);
    expect((sent[0]![1] as { term: string }).term).toHaveLength(1000);
    expect(annotateTab).not.toHaveBeenCalled();
  });
});
