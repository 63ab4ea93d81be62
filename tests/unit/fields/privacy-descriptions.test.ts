// Issue 15 item 5: text typed into an editing host (contenteditable, role="textbox") never enters a
// field description or a page snapshot, also when a label, aria-labelledby or the nearby-text
// reader points at it.
import { describe, expect, it } from 'vitest';
import { describeField } from '../../../utils/page/fields/describe';
import { takeSnapshot } from '../../../utils/page/snapshot';

const SECRET = 'TYPED4111111111111111';

function described(html: string, selector = '#f'): string {
  document.body.innerHTML = html;
  return JSON.stringify(describeField(document.querySelector(selector)!));
}

function snapshotText(html: string): string {
  document.body.innerHTML = html;
  return JSON.stringify(takeSnapshot(document, { hostname: 'www.hk.chinamobile.com', pathname: '/x', hash: '' }).snapshot);
}

describe('typed text stays out of descriptions', () => {
  it.each([
    ['aria-labelledby → an editing host', `<form><div id="ce" contenteditable="true">${SECRET}</div><input id="f" aria-labelledby="ce"></form>`],
    ['aria-labelledby → a box holding an editing host', `<form><div id="l">Note <span contenteditable>${SECRET}</span></div><input id="f" aria-labelledby="l"></form>`],
    ['aria-labelledby → role=textbox', `<form><div id="tb" role="textbox">${SECRET}</div><input id="f" aria-labelledby="tb"></form>`],
    ['a wrapping label holding an editing host', `<form><label>Reason <span contenteditable="plaintext-only">${SECRET}</span> <input id="f"></label></form>`],
    ['label[for] holding an editing host', `<form><label for="f">Reason <b contenteditable="">${SECRET}</b></label><input id="f"></form>`],
    ['nearby text: a role=textbox before the field', `<form><div><p>Note</p><div role="textbox">${SECRET}</div></div><input id="f"></form>`],
    ['following text: an editing host inside the next box', `<form><input id="f"><div><div contenteditable>${SECRET}</div></div></form>`],
    ['the editing host itself, labelled by another editing host', `<form><div id="a" contenteditable>${SECRET}</div><div id="f" contenteditable aria-labelledby="a">x</div></form>`],
  ])('%s', (_name, html) => {
    expect(described(html)).not.toContain(SECRET);
  });
});

describe('typed text stays out of the page snapshot', () => {
  it.each([
    ['aria-labelledby → an editing host', `<form><div id="ce" contenteditable>${SECRET}</div><input id="f" aria-labelledby="ce"></form>`],
    ['aria-labelledby → a box holding an editing host', `<form><div id="l">Note <span contenteditable>${SECRET}</span></div><input id="f" aria-labelledby="l"></form>`],
    ['aria-labelledby → role=textbox', `<form><div id="tb" role="textbox">${SECRET}</div><input id="f" aria-labelledby="tb"></form>`],
    ['page text: a role=textbox', `<main><p>Tell us why</p><div role="textbox" tabindex="0">${SECRET}</div></main>`],
    ['a wrapping label holding an editing host', `<form><label>Reason <span contenteditable>${SECRET}</span> <input id="f"></label></form>`],
  ])('%s', (_name, html) => {
    expect(snapshotText(html)).not.toContain(SECRET);
  });
});
