// A message sent while the MV3 service worker is being stopped or restarted (idle shutdown, an
// update) finds no listener and fails with "Receiving end does not exist". That gap lasts a
// moment, so the content script asks again a few times before it gives up on the page.
import type { Message } from '../shared/messages';
import { sendMessage } from './runtime';

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;
const DELAYS_MS = [100, 250, 500, 1000, 2000];

export async function askBackground(msg: Message, delays: readonly number[] = DELAYS_MS): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendMessage(msg);
    } catch (err) {
      const wait = delays[attempt];
      if (wait === undefined || !NO_RECEIVER.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
