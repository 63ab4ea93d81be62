// The panel's one-language texts (issue 6): the pack the background sends, and the Texts value the
// panel builds from it, which must say what the full data says (extension pages build theirs from
// the full data: utils/i18n.ts, dataTexts). No module stands in for another in any build.
import { describe, expect, it } from 'vitest';
import fieldTexts from '../../assets/i18n/fields.json';
import panelTexts from '../../assets/i18n/panel.json';
import { carrierById } from '../../utils/carriers';
import { fieldText } from '../../utils/field-texts';
import { calloutText } from '../../utils/fields/callout-text';
import { GUIDE, SOURCES, shownCarrier, sourcedOnly } from '../../utils/guide';
import { dataTexts } from '../../utils/i18n';
import { localize } from '../../utils/language';
import { carrierRoutes, carrierStepText, primaryContact } from '../../utils/shown-carrier';
import { buildTextPack, sliceTexts } from '../../utils/text-pack';
import { textsFromPack } from '../../utils/texts';
import { LANGUAGES, STEP_IDS, type Carrier } from '../../utils/types';

describe('text pack', () => {
  it('keeps one language and every key', () => {
    for (const lang of LANGUAGES) {
      const pack = buildTextPack(lang, 'cmhk');
      expect(Object.keys(pack.ui).sort()).toEqual([...new Set([...Object.keys(fieldTexts), ...Object.keys(panelTexts)])].sort());
      for (const [key, text] of Object.entries(pack.ui)) expect(text, key).not.toBe('');
      const json = JSON.stringify(pack);
      for (const other of LANGUAGES) if (other !== lang) expect(json).not.toContain(`"${other}":`);
      expect(pack.guide.steps.map((s) => s.id)).toEqual(GUIDE.steps.map((s) => s.id));
      expect(pack.carrier?.id).toBe('cmhk');
    }
  });

  it('slices LocalTexts only, with the usual fallback', () => {
    expect(sliceTexts({ a: { en: 'x', 'zh-Hans': 'y', 'zh-Hant': 'z' }, b: [1, 'en'] }, 'zh-Hant')).toEqual({ a: { 'zh-Hant': 'z' }, b: [1, 'en'] });
    expect(sliceTexts({ en: 'only English' }, 'zh-Hans')).toEqual({ 'zh-Hans': 'only English' });
  });

  it('gives the panel the same texts and carrier answers as the full data', () => {
    for (const lang of LANGUAGES) {
      const pack = buildTextPack(lang, 'cmhk');
      const panel = textsFromPack(pack);
      const pages = dataTexts(lang);
      expect(panel.lang).toBe(lang);
      for (const key of ['appName', 'steps', 'stepOf', 'warningTitle', 'field-card-number-warn', 'no-such-key']) {
        expect(panel.t(key, { n: 2, title: 'x' })).toBe(pages.t(key, { n: 2, title: 'x' }));
      }
      expect(calloutText('otp', 'info', panel.t)).toEqual(calloutText('otp', 'info', (k) => fieldText(k, lang)));
      for (const [a, b] of [
        [panel.guide.steps, pages.guide.steps],
        [panel.guide.tied, pages.guide.tied],
        [panel.guide.checklist, pages.guide.checklist],
      ] as const) {
        expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
      }
      expect(localize(panel.guide.steps[0]!.title, lang)).toBe(localize(pages.guide.steps[0]!.title, lang));
      const packed = pack.carrier!;
      const full = shownCarrier('cmhk');
      expect(carrierRoutes(packed)).toEqual(carrierRoutes(full));
      for (const route of carrierRoutes(full)) {
        for (const step of STEP_IDS) {
          const a = carrierStepText(packed, step, route);
          const b = carrierStepText(full, step, route);
          expect(a && localize(a, lang)).toBe(b && localize(b, lang));
        }
      }
      expect(packed.notes.length).toBe(full.notes.length);
      expect(primaryContact(packed)?.kind).toBe(primaryContact(full)?.kind);
    }
  });

  it('carries only the carrier texts whose sources all exist (the panel shows what it gets)', () => {
    const full = carrierById('cmhk');
    const known = SOURCES[0]!.id;
    const text = { en: 'x', 'zh-Hans': 'y', 'zh-Hant': 'z' };
    const carrier: Carrier = {
      ...full,
      routes: [
        {
          id: 'hotline',
          sources: [known],
          steps: { 'sign-in': { do: text, sources: [known] }, 'find-entry': { do: text, sources: [known, 'no-such-source'] }, confirmed: { do: text, sources: [] } },
        },
        { id: 'shop', sources: ['no-such-source'], steps: { 'sign-in': { do: text, sources: [known] } } },
      ],
      notes: [{ id: 'a', text, sources: [known] }, { id: 'b', text, sources: ['no-such-source'] }],
      hotlines: [{ number: '1', label: text, sources: [] }, { number: '2', label: text, sources: [known] }],
    };
    const sourced = sourcedOnly(carrier);
    expect(sourced.routes.map((r) => r.id)).toEqual(['hotline']);
    expect(Object.keys(sourced.routes[0]!.steps)).toEqual(['sign-in']);
    expect(sourced.notes.map((n) => n.id)).toEqual(['a']);
    expect(sourced.hotlines.map((h) => h.number)).toEqual(['2']);
    expect(carrierStepText(sourced, 'sign-in', 'hotline')).toEqual(text);
    for (const step of ['find-entry', 'confirmed'] as const) expect(carrierStepText(sourced, step, 'hotline')).toBeNull();
    expect(primaryContact(sourced)).toEqual({ kind: 'phone', number: '2', label: text });
  });

});
