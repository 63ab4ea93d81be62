// takeSnapshot: what enters the snapshot, what never does (query strings, our own UI, typed
// values, hidden elements), and that it stays cheap on huge pages.
import { describe, expect, it } from 'vitest';
import { detectAll } from '../../../utils/detect/index';
import { GUIDE_HOST_ATTRIBUTE, SNAPSHOT_LIMITS, takeSnapshot } from '../../../utils/page/snapshot';
import { loadFixtures, parse, snapshotOf } from './load-fixtures';

const LOC = { hostname: 'www.hk.chinamobile.com', pathname: '/tc/account', hash: '' };

function snap(body: string, loc = LOC) {
  return takeSnapshot(parse(`<!DOCTYPE html><html lang="zh-HK"><head><title>T</title></head><body>${body}</body></html>`), loc);
}

describe('the query string never enters the snapshot', () => {
  it('reads only hostname, pathname and hash of the location', () => {
    const loc = { hostname: 'www.hk.chinamobile.com', pathname: '/tc/a', hash: '#top', search: '?msisdn=61234567', href: 'https://x/?msisdn=61234567' };
    const { snapshot } = snap('<p>x</p>', loc);
    expect(snapshot.path).toBe('/tc/a#top');
    expect(JSON.stringify(snapshot)).not.toContain('61234567');
  });

  it('drops a query hidden in a hash route', () => {
    expect(snap('', { ...LOC, hash: '#/account?token=abc' }).snapshot.path).toBe('/tc/account#/account');
  });

  it('gives links as path + hash, without their query', () => {
    const { snapshot } = snap(`
      <a href="/tc/dereg?id=A1234567#form">a</a>
      <a href="next?x=1">b</a>
      <a href="https://eshop.hk.chinamobile.com/tc/cart?session=s3cr3t">c</a>
      <a href="#/route?token=t0k3n">d</a>
      <a href="javascript:void(0)">e</a>
      <a href="mailto:x@example.com?subject=hi">f</a>`);
    expect(snapshot.actions.map((a) => a.href)).toEqual([
      '/tc/dereg#form',
      '/tc/next',
      '//eshop.hk.chinamobile.com/tc/cart',
      '/tc/account#/route',
      undefined,
      undefined,
    ]);
    expect(JSON.stringify(snapshot)).not.toMatch(/A1234567|s3cr3t|t0k3n|x=1|subject/);
  });

  it.each(loadFixtures().map((f) => [f.name, f] as const))('%s: no "?" in any path', (_n, f) => {
    const { snapshot } = snapshotOf(f);
    expect(snapshot.path).not.toContain('?');
    for (const a of snapshot.actions) expect(a.href ?? '').not.toContain('?');
  });
});

describe('our own UI is never read', () => {
  it(`skips everything under [${GUIDE_HOST_ATTRIBUTE}]`, () => {
    const { snapshot, elements } = snap(`
      <p>賬戶概覽</p>
      <div ${GUIDE_HOST_ATTRIBUTE}>
        <h1>取消登記</h1><p>已取消登記</p>
        <a href="/tc/dereg">取消電話儲值卡登記</a>
        <input type="password" aria-label="客戶密碼"><button>登入</button>
      </div>`);
    expect(snapshot.text).toBe('賬戶概覽');
    expect(snapshot.headings).toEqual([]);
    expect(snapshot.actions).toEqual([]);
    expect(snapshot.forms).toEqual([]);
    expect(elements).toEqual([]);
    expect(detectAll(snapshot)).toEqual([]);
  });

  it.each(['html', 'body'] as const)('also when the host is appended to <%s>', (parent) => {
    const doc = parse('<html><body><p>Hello</p></body></html>');
    const host = doc.createElement('div');
    host.setAttribute(GUIDE_HOST_ATTRIBUTE, '');
    host.innerHTML = '<a href="/x">Deregister</a><p>已取消登記</p>';
    (parent === 'html' ? doc.documentElement : doc.body).appendChild(host);
    const { snapshot } = takeSnapshot(doc, LOC);
    expect(snapshot.actions).toEqual([]);
    expect(snapshot.text).toBe('Hello');
  });
});

describe('what is read', () => {
  it('takes host, path, lang and title', () => {
    const { snapshot } = snap('');
    expect(snapshot).toMatchObject({ host: 'www.hk.chinamobile.com', path: '/tc/account', lang: 'zh-HK', title: 'T' });
  });

  it('reads main text without scripts, styles, navigation or footer, words kept apart', () => {
    const { snapshot } = snap(`
      <header><nav><a href="/">Home</a></nav><p>Header prose</p></header>
      <script>var secret = 1;</script><style>.x{}</style><noscript>Enable JS</noscript><template><p>tpl</p></template>
      <div class="cookie">Cookies <b>here</b></div>
      <main><ul><li>One</li><li>Two</li></ul><p>Sta<span>tus</span>:   pending</p></main>
      <footer>Footer prose</footer>`);
    // <main> comes first; the rest of the page's body text after it.
    expect(snapshot.text).toBe('One Two Status: pending Cookies here');
  });

  it('caps the text', () => {
    const { snapshot } = snap(`<p>${'長'.repeat(10000)}</p>`);
    expect(snapshot.text.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.text);
  });

  it('reads h1-h3 and role=heading of the page, not of its menus', () => {
    const { snapshot } = snap(`<nav><h2>Menu</h2></nav><h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><div role="heading">E</div>
      <article><header><h1>F</h1></header></article>`);
    expect(snapshot.headings).toEqual(['A', 'B', 'C', 'E', 'F']);
  });

  it('reads actions: text, then aria-label, title, value, image alt; kind and inNav', () => {
    const { snapshot, elements } = snap(`
      <nav><a href="/a">  Account
        Overview </a></nav>
      <aside><a href="/b" aria-label="Refill history"><svg></svg></a></aside>
      <div role="menu"><span role="menuitem">Item</span></div>
      <button title="Close dialog"></button>
      <input type="submit" value="Submit request">
      <input type="button" value="Go">
      <div role="button">Div button</div>
      <span role="link">Span link</span>
      <a href="/c"><img src="x.png" alt="Deregister"></a>
      <a>No href</a>`);
    expect(snapshot.actions.map(({ kind, text, inNav }) => [kind, text, inNav])).toEqual([
      ['link', 'Account Overview', true],
      ['link', 'Refill history', true],
      ['link', 'Item', true],
      ['button', 'Close dialog', false],
      ['button', 'Submit request', false],
      ['button', 'Go', false],
      ['button', 'Div button', false],
      ['link', 'Span link', false],
      ['link', 'Deregister', false],
    ]);
    for (const a of snapshot.actions) expect(elements[a.ref]).toBeDefined();
    expect(elements[snapshot.actions[4]?.ref ?? -1]?.getAttribute('value')).toBe('Submit request');
  });

  it('caps action text', () => {
    const { snapshot } = snap(`<a href="/x">${'word '.repeat(100)}</a>`);
    expect(snapshot.actions[0]?.text.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.actionText);
  });

  it('skips what is hidden by attributes, without layout', () => {
    const { snapshot } = snap(`
      <a href="/1" hidden>hidden</a>
      <div><div aria-hidden="true"><p><a href="/2">aria</a></p></div></div>
      <p><a href="/3" style="display: none">none</a></p>
      <p style="visibility:hidden"><a href="/4">invisible</a></p>
      <dialog><button>closed dialog</button></dialog>
      <dialog open><button>open dialog</button></dialog>
      <input type="hidden" name="token" value="x">
      <a href="/5">shown</a>`);
    expect(snapshot.actions.map((a) => a.text)).toEqual(['open dialog', 'shown']);
    expect(snapshot.forms).toEqual([]);
  });

  it('does not blank the page when a modal sets aria-hidden on the page root', () => {
    const { snapshot } = snap('<div id="root" aria-hidden="true"><a href="/x">Deregister</a></div><div role="dialog"><p>Modal</p></div>');
    expect(snapshot.actions.map((a) => a.text)).toEqual(['Deregister']);
  });

  it('never reads typed values or editable text', () => {
    const { snapshot } = snap(`
      <form><input name="n" value="61234567"><textarea name="t">my reason A123456</textarea>
      <select name="s"><option selected>Selected secret</option></select>
      <div contenteditable="true">typed note</div><div contenteditable="plaintext-only">plain 4111</div>
      <div contenteditable="TRUE">upper 4222</div><div contenteditable>bare 4333</div><button>Send</button></form>`);
    // The snapshot goes to the background for detection: nothing typed may be in it.
    expect(JSON.stringify(snapshot)).not.toMatch(/61234567|A123456|Selected secret|typed note|4111|4222|4333/);
  });
});

describe('forms', () => {
  it('describes fields from label[for], wrapping label, aria-label, aria-labelledby, placeholder and title', () => {
    const { snapshot, elements } = snap(`
      <form>
        <label for="a">香港身份證號碼</label><input id="a" name="idNumber" placeholder="A123456(7)">
        <label>原因 <select name="reason"><option>不再使用</option></select></label>
        <input name="c" aria-label="Mobile number" title="8 digits">
        <span id="lbl">客戶密碼</span><input type="password" name="pwd" aria-labelledby="lbl" autocomplete="Current-Password">
        <label><input type="checkbox" name="ok"> 本人明白及同意</label>
        <textarea name="note" placeholder="備註"></textarea>
        <button type="button">取消</button>
        <button>提交申請</button>
        <input type="submit" value="Send">
      </form>`);
    expect(snapshot.forms).toHaveLength(1);
    const form = snapshot.forms[0];
    if (!form) throw new Error('no form');
    expect(form.fields.map((f) => [f.tag, f.type, f.label])).toEqual([
      ['input', 'text', '香港身份證號碼 A123456(7)'],
      ['select', 'select', '原因'],
      ['input', 'text', 'Mobile number 8 digits'],
      ['input', 'password', '客戶密碼'],
      ['input', 'checkbox', '本人明白及同意'],
      ['textarea', 'textarea', '備註'],
    ]);
    expect(form.fields[3]).toMatchObject({ name: 'pwd', autocomplete: 'current-password' });
    expect(form.checkboxLabels).toEqual(['本人明白及同意']);
    expect(form.submitTexts).toEqual(['提交申請', 'Send']);
    for (const f of form.fields) expect(elements[f.ref]?.getAttribute('name')).toBe(f.name);
  });

  it('groups fields by form; fields outside any form make one pseudo-form', () => {
    const { snapshot } = snap(`
      <form id="f1"><input name="a"><button>One</button></form>
      <form><input name="b"><button>Two</button></form>
      <form id="empty"><input type="hidden" name="t"><button>Deregister</button></form>
      <input name="c" form="f1">
      <nav><button>Menu</button></nav>
      <input name="d"><button type="button">Log in</button>`);
    expect(snapshot.forms.map((f) => [f.fields.map((x) => x.name), f.submitTexts])).toEqual([
      [['a', 'c'], ['One']],
      [['b'], ['Two']],
      [['d'], ['Log in']],
    ]);
    // A form without visible fields is no form; its button is still an action.
    expect(snapshot.actions.map((a) => a.text)).toContain('Deregister');
  });
});

describe('full-width text', () => {
  it('matches full-width letters after NFKC', () => {
    const { snapshot } = snap('<nav><a href="/x">ＤＥＲＥＧＩＳＴＥＲ</a></nav>');
    expect(detectAll(snapshot)).toEqual([{ step: 'find-entry', target: 0 }]);
  });
});

describe('performance', () => {
  it('stays linear and capped on a page with 10,000 controls', () => {
    const doc = parse('<html><body><main></main></body></html>');
    const main = doc.querySelector('main');
    if (!main) throw new Error('no main');
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`<div><label for="f${i}">Field ${i}</label><input id="f${i}" name="f${i}"><button>Action ${i}</button></div>`);
    main.innerHTML = `<form>${parts.join('')}</form>`;
    const start = performance.now();
    const { snapshot, elements } = takeSnapshot(doc, LOC);
    const ms = performance.now() - start;
    expect(snapshot.actions).toHaveLength(SNAPSHOT_LIMITS.actions);
    expect(snapshot.forms[0]?.fields).toHaveLength(SNAPSHOT_LIMITS.fields);
    expect(elements.length).toBe(SNAPSHOT_LIMITS.actions + SNAPSHOT_LIMITS.fields);
    expect(snapshot.forms[0]?.fields.at(-1)?.label).toBe('Field 399');
    const detectStart = performance.now();
    detectAll(snapshot);
    expect(performance.now() - detectStart).toBeLessThan(1000);
    expect(ms).toBeLessThan(3000);
  });
});
