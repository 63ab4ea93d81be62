// The panel's one-language texts (issue 6): the pack the background sends, and the `.panel.ts`
// modules that stand in for the full-data ones in the content scripts' build.
import { describe, expect, it } from 'vitest';
import * as fullCarriers from '../../utils/carriers';
import * as panelCarriers from '../../utils/panel-texts/carriers';
import * as fullFieldTexts from '../../utils/field-texts';
import * as panelFieldTexts from '../../utils/panel-texts/field-texts';
import * as fullGuide from '../../utils/guide';
import * as panelGuide from '../../utils/panel-texts/guide';
import * as fullI18n from '../../utils/i18n';
import * as panelI18n from '../../utils/panel-texts/i18n';
import { buildTextPack, sliceTexts, sourcedOnly } from '../../utils/text-pack';
import { isTextPack, setTextPack } from '../../utils/panel-texts/store';
import { CARRIER_IDS } from '../../utils/carriers';
import { LANGUAGES, STEP_IDS, type Carrier } from '../../utils/types';

describe('text pack', () => {
  it('keeps one language and every key', () => {
    for (const lang of LANGUAGES) {
      const pack = buildTextPack(lang, 'cmhk');
      expect(isTextPack(pack)).toBe(true);
      const json = JSON.stringify(pack);
      for (const other of LANGUAGES) if (other !== lang) expect(json).not.toContain(`"${other}":`);
      expect(pack.guide.steps.map((s) => s.id)).toEqual(fullGuide.GUIDE.steps.map((s) => s.id));
      expect(pack.carrier?.id).toBe('cmhk');
    }
  });

  it('slices LocalTexts only, with the usual fallback', () => {
    expect(sliceTexts({ a: { en: 'x', 'zh-Hans': 'y', 'zh-Hant': 'z' }, b: [1, 'en'] }, 'zh-Hant')).toEqual({ a: { 'zh-Hant': 'z' }, b: [1, 'en'] });
    expect(sliceTexts({ en: 'only English' }, 'zh-Hans')).toEqual({ 'zh-Hans': 'only English' });
  });

  it('gives the panel modules the same answers as the full-data ones', () => {
    for (const lang of LANGUAGES) {
      setTextPack(buildTextPack(lang, 'cmhk'));
      for (const key of ['appName', 'steps', 'stepOf', 'warningTitle', 'field-card-number-warn']) {
        expect(panelI18n.t(key, lang, { n: 2, title: 'x' })).toBe(fullI18n.t(key, lang, { n: 2, title: 'x' }));
      }
      expect(panelFieldTexts.fieldMessageText('otp', 'info', lang)).toEqual(fullFieldTexts.fieldMessageText('otp', 'info', lang));
      const packed = panelCarriers.carrierById('cmhk');
      const full = fullCarriers.carrierById('cmhk');
      expect(panelGuide.carrierRoutes(packed)).toEqual(fullGuide.carrierRoutes(full));
      for (const route of fullGuide.carrierRoutes(full)) {
        for (const step of STEP_IDS) {
          const a = panelGuide.carrierStepText(packed, step, route);
          const b = fullGuide.carrierStepText(full, step, route);
          expect(a && panelGuide.localize(a, lang)).toBe(b && fullGuide.localize(b, lang));
        }
      }
      expect(panelGuide.carrierNotes(packed).length).toBe(fullGuide.carrierNotes(full).length);
      expect(panelGuide.primaryContact(packed)?.kind).toBe(fullGuide.primaryContact(full)?.kind);
    }
  });

  it('carries only the carrier texts whose sources all exist (the panel shows what it gets)', () => {
    const full = fullCarriers.carrierById('cmhk');
    const known = fullGuide.SOURCES[0]!.id;
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
    for (const step of STEP_IDS) expect(panelGuide.carrierStepText(sourced, step, 'hotline')).toEqual(fullGuide.carrierStepText(carrier, step, 'hotline'));
    expect(panelGuide.carrierNotes(sourced)).toEqual(fullGuide.carrierNotes(carrier));
    expect(panelGuide.primaryContact(sourced)).toEqual(fullGuide.primaryContact(carrier));
  });

  it('the panel modules export everything the full ones do', () => {
    const pairs: [object, object][] = [
      [fullGuide, panelGuide],
      [fullI18n, panelI18n],
      [fullFieldTexts, panelFieldTexts],
      [fullCarriers, panelCarriers],
    ];
    for (const [full, panel] of pairs) expect(Object.keys(panel).sort()).toEqual(expect.arrayContaining(Object.keys(full).sort()));
  });

  it('carriers.panel knows every carrier id', () => {
    for (const id of CARRIER_IDS) expect(panelCarriers.carrierById(id).id).toBe(id);
  });
});
