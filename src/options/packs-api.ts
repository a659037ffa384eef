// The options page's side of the pack messages: typed calls to the background, and the browser
// actions the section needs (confirm, download). Passed in, so the section also runs in jsdom.
import browser from 'webextension-polyfill';
import type { MessageOf, Responses } from '../shared/messages';
import { sendToBackground } from './send';

type PackRequest = MessageOf<'backstory:list-packs' | 'backstory:import-pack' | 'backstory:export-pack' | 'backstory:set-pack-enabled' | 'backstory:remove-pack'>;

export interface PacksApi {
  send<M extends PackRequest>(msg: M): Promise<Responses[M['type']]>;
  confirm(question: string): boolean;
  download(filename: string, text: string): void;
}

/** A Blob URL behind an `<a download>`: the file is made here, nothing is fetched. */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file by the next task; keep the URL a while for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const browserPacksApi: PacksApi = {
  send: sendToBackground,
  confirm: (question) => window.confirm(question),
  download,
};
