// A request from the options page to the background, typed by its message. No answer means the
// background dropped or could not handle it: that is an error the section shows, not a silent null.
import browser from 'webextension-polyfill';
import type { Message, Responses } from '../shared/messages';

export async function sendToBackground<M extends Message & { type: keyof Responses }>(msg: M): Promise<Responses[M['type']]> {
  const res = await browser.runtime.sendMessage(msg);
  if (res === undefined || res === null) throw new Error('the extension did not answer');
  return res as Responses[M['type']];
}
