// The element a signal points at is the one the panel highlights: check it is the right one.
import { describe, expect, it } from 'vitest';
import { detectAll, detectStep, DETECTORS } from '../../../utils/detect/index';
import type { StepId } from '../../../utils/types';
import { loadFixtures, snapshotOf } from './load-fixtures';

const byName = new Map(loadFixtures().map((f) => [f.name, f]));

function load(name: string) {
  const f = byName.get(name);
  if (!f) throw new Error(`no fixture ${name}`);
  return snapshotOf(f);
}

function targetText(name: string, step: StepId): { text: string; el: Element } {
  const { snapshot, elements } = load(name);
  const ref = DETECTORS[step](snapshot)?.target;
  if (ref === undefined) throw new Error(`${name}: ${step} has no target`);
  const el = elements[ref];
  if (!el) throw new Error(`${name}: no element for ref ${ref}`);
  return { text: (el.textContent ?? '').trim() || (el.getAttribute('value') ?? ''), el };
}

describe('find-entry targets the most specific cancellation entry', () => {
  it.each([
    ['find-entry/account-overview-zh-hant.html', '取消電話儲值卡登記'], // over 終止服務, 取消自動增值, 取消訂閱, a dialog's 取消
    ['find-entry/account-settings-zh-hans.html', '注销账户'], // over a form's 取消, 取消自动充值, 取消漫游日费
    ['find-entry/manage-account-en.html', 'Cancel prepaid SIM registration'], // over Cancel subscription, Cancellation policy, a cookie Cancel
    ['find-entry/contract-account-en.html', 'Terminate service'], // over a menu's "Cancellation", Cancel add-on
    ['await-review/pending-zh-hant.html', '取消電話儲值卡登記'],
    ['submit-request/cancel-form-zh-hans.html', '注销账户'], // the menu link, never the form's own 确认注销 button
  ])('%s → %s', (name, expected) => {
    expect(targetText(name, 'find-entry').text).toBe(expected);
  });

  it('keeps the find-entry target available when a later step wins', () => {
    const { snapshot, elements } = load('await-review/pending-zh-hant.html');
    expect(detectStep(snapshot, { urlRules: [] })).toEqual({ step: 'await-review' });
    const entry = detectAll(snapshot).find((s) => s.step === 'find-entry');
    expect(entry?.target).toBeDefined();
    expect(elements[entry?.target ?? -1]?.getAttribute('href')).toBe('/tc/account/deregister');
  });
});

describe('sign-in', () => {
  it.each([
    ['sign-in/account-gate-en.html', 'Log in', 'btn-primary'],
    ['sign-in/three-gate-zh-hant.html', '登入', 'btn-login'],
  ])('a public page highlights its sign-in link in the page, not the header: %s', (name, text, cls) => {
    const { text: t, el } = targetText(name, 'sign-in');
    expect(t).toBe(text);
    expect(el.classList.contains(cls)).toBe(true);
  });

  it.each(['sign-in/cmhk-sign-in-zh-hant.html', 'sign-in/smartone-loginnow-en.html', 'sign-in/mylink-sms-sign-in-zh-hans.html'])(
    'a sign-in form needs no link highlighted: %s',
    (name) => {
      expect(DETECTORS['sign-in'](load(name).snapshot)).toEqual({ step: 'sign-in' });
    },
  );
});
