// The few extension APIs the content script uses, without webextension-polyfill (9.5 KB the page
// would parse on every load). In MV3 both browsers' sendMessage return promises; Chromium's
// onMessage ignores a returned promise, so replies go through `sendResponse`.
import { nativeApi } from '../shared/native-api';

type Reply = (response: unknown) => void;
type MessageListener = (msg: unknown, sender: unknown, sendResponse: Reply) => boolean | undefined | Promise<unknown>;

interface Api {
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(l: MessageListener): void; removeListener(l: MessageListener): void };
  };
}

function api(): Api {
  const a = nativeApi<Api>();
  if (!a?.runtime) throw new Error('Backstory: no extension API in this context');
  return a as Api;
}

export function sendMessage(msg: unknown): Promise<unknown> {
  return api().runtime.sendMessage(msg);
}

/** The address of one of the extension's files (a per-session address for web-accessible ones). */
export function extensionUrl(path: string): string {
  return api().runtime.getURL(path);
}

/** Answers requests `handle` takes (it returns undefined for the rest, leaving them to others). */
export function onRequest(handle: (msg: unknown) => Promise<unknown> | undefined): () => void {
  const listener: MessageListener = (msg, _sender, sendResponse) => {
    const reply = handle(msg);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ error: err instanceof Error ? err.message : String(err) }));
    return true;
  };
  api().runtime.onMessage.addListener(listener);
  return () => api().runtime.onMessage.removeListener(listener);
}
