// The panel's one line to the background (utils/send.ts): replies typed by the protocol table.
import { browser } from '../../utils/page/browser';
import { createSend } from '../../utils/send';

export const send = createSend(browser.runtime);
