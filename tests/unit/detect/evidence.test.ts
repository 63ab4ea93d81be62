// Issue 15: step detection by evidence. Each detector scores what it sees; a step is found from the
// threshold on, and a well-supported step beats a weakly supported later one; between steps of the
// same support the furthest wins (the old rule, for real ties).
import { describe, expect, it } from 'vitest';
import { detectAll, detectStep, SCORERS } from '../../../utils/detect/index';
import { STRONG, THRESHOLD } from '../../../utils/detect/evidence';
import type { PageSnapshot, SnapshotForm } from '../../../utils/types';

const noRules = { urlRules: [] };

function page(over: Partial<PageSnapshot>): PageSnapshot {
  return { host: 'www.example.com', path: '/x', lang: 'en', title: '', headings: [], text: '', actions: [], forms: [], ...over };
}

const field = (ref: number, label: string, type = 'text', name = '') => ({ ref, tag: 'input' as const, type, name, id: '', autocomplete: '', label });

describe('evidence and threshold', () => {
  it('a sign-in form is strong; a deregistration link in the footer beside it is weak: the page is sign-in', () => {
    const login: SnapshotForm = { fields: [field(0, 'Mobile number', 'tel'), field(1, 'Password', 'password')], submitTexts: ['Log in'], checkboxLabels: [] };
    const snap = page({ title: 'Log in', forms: [login], actions: [{ ref: 5, kind: 'link', text: 'Cancel registration', inNav: true }] });
    expect(detectAll(snap).map((s) => s.step)).toEqual(['sign-in', 'find-entry']);
    expect(SCORERS['sign-in'](snap)?.score).toBeGreaterThanOrEqual(STRONG);
    expect(SCORERS['find-entry'](snap)?.score).toBeLessThan(STRONG);
    expect(detectStep(snap, noRules)?.step).toBe('sign-in');
  });

  it('an agreement alone, with only the URL saying cancel, stays below the threshold', () => {
    const form: SnapshotForm = { fields: [field(0, 'Email', 'email')], submitTexts: ['Continue'], checkboxLabels: ['I agree to the terms'] };
    const snap = page({ path: '/account/cancel', forms: [form] });
    expect((SCORERS['submit-request'](snap)?.score ?? 0) < THRESHOLD).toBe(true);
    expect(detectStep(snap, noRules)).toBeNull();
  });

  it('a real-name request form (ID document, ICCID, reason, agreement) with the URL saying deregistration is well supported', () => {
    const form: SnapshotForm = {
      fields: [field(0, '證件類別'), field(1, '證件號碼'), field(2, 'SIM卡號碼 (ICCID)'), field(3, '原因'), field(4, '本人同意', 'checkbox')],
      submitTexts: ['下一步'],
      checkboxLabels: ['本人同意'],
    };
    const snap = page({ path: '/tc/deregistration/apply', title: '網上服務', forms: [form] });
    expect(SCORERS['submit-request'](snap)?.score).toBeGreaterThanOrEqual(STRONG);
    expect(detectStep(snap, noRules)).toEqual({ step: 'submit-request' });
  });

  it('the same form for a registration is no step', () => {
    const form: SnapshotForm = { fields: [field(0, '證件類別'), field(1, '證件號碼'), field(2, 'SIM卡號碼 (ICCID)')], submitTexts: ['下一步'], checkboxLabels: ['本人同意'] };
    expect(detectStep(page({ path: '/tc/register/apply', title: '實名登記', forms: [form] }), noRules)).toBeNull();
  });

  it('a refund bank card does not make a deregistration request a payment form', () => {
    const form: SnapshotForm = {
      fields: [field(0, 'ID document number'), field(1, 'Refund bank card number'), field(2, 'Reason')],
      submitTexts: ['Next'],
      checkboxLabels: [],
    };
    expect(detectStep(page({ title: 'Deregistration', forms: [form] }), noRules)).toEqual({ step: 'submit-request' });
    const pay: SnapshotForm = { fields: [field(0, 'ID document number'), field(1, 'Card number'), field(2, 'Reason')], submitTexts: ['Pay now'], checkboxLabels: [] };
    expect(detectStep(page({ title: 'Deregistration', forms: [pay] }), noRules)).toBeNull();
  });

  it('a carrier home page whose only way on is a sign-in link is sign-in, and the link is the target', () => {
    for (const path of ['/', '/tc/', '/en', '/sc/home', '/en/home.html', '/index.html']) {
      const snap = page({ path, title: 'Carrier', actions: [{ ref: 3, kind: 'link', text: '登入', inNav: true }] });
      expect(detectStep(snap, noRules), path).toEqual({ step: 'sign-in', target: 3 });
    }
    // Not on a plan page, and not once signed in.
    expect(detectStep(page({ path: '/tc/plans', actions: [{ ref: 3, kind: 'link', text: '登入', inNav: true }] }), noRules)).toBeNull();
    const signedIn = page({ path: '/tc/', actions: [{ ref: 3, kind: 'link', text: 'My account', inNav: true }, { ref: 4, kind: 'link', text: '登出', inNav: true }] });
    expect(detectStep(signedIn, noRules)).toBeNull();
  });
});
