// A stand-in for browser.storage.local and storage.onChanged, for stores tested in Node.
// Values are cloned on the way in and out, as the real storage serializes them.
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export const store = new Map<string, unknown>();
export const listeners = new Set<Listener>();

function emit(key: string, oldValue: unknown, newValue: unknown): void {
  for (const l of listeners) l({ [key]: { oldValue, newValue } }, 'local');
}

/** The module `vi.mock('webextension-polyfill', …)` should return. */
export const polyfill = {
  default: {
    storage: {
      local: {
        get: async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) {
            const old = store.get(k);
            store.set(k, structuredClone(v));
            emit(k, old, v);
          }
        },
        remove: async (key: string) => {
          const old = store.get(key);
          store.delete(key);
          emit(key, old, undefined);
        },
      },
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
  },
};
