// Routes and step states (issue 13): the card's route, what each step says on it, and the one rule
// for "done" that the panel, the popup and the checklist page share.
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../utils/carriers';
import { GUIDE, sourcedOnly } from '../../utils/guide';
import { localize } from '../../utils/language';
import { carrierRoutes } from '../../utils/shown-carrier';
import { defaultProgress } from '../../utils/progress';
import { cardOf } from '../../utils/card';
import { routeOf, stepText } from '../../utils/route';
import { stepStates, stepsDoneCount } from '../../utils/step-state';
import { LANGUAGES, STEP_IDS, type CardProgress, type StepId } from '../../utils/types';

const card = (patch: Partial<CardProgress> = {}): CardProgress => ({ ...cardOf(defaultProgress(), 'cmhk'), ...patch });
const states = (c: CardProgress | null, current: StepId | null) => STEP_IDS.map((s) => stepStates(c, current)[s]);

describe('step states', () => {
  it('nothing reached: todo everywhere, current on the page step', () => {
    expect(states(null, null)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
    expect(states(card(), 'find-entry')).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
  });

  it('a later step reached makes the earlier ones done, marked or not', () => {
    expect(states(card({ stepsReached: ['await-review'] }), null)).toEqual(['done', 'done', 'done', 'todo', 'todo']);
    expect(states(card({ stepsReached: ['await-review'] }), 'sign-in')).toEqual(['done', 'done', 'done', 'todo', 'todo']);
  });

  it('reaching confirmed makes every step done, confirmed included; the page step is still known', () => {
    expect(states(card({ stepsReached: ['sign-in', 'confirmed'] }), null)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(states(card(), 'confirmed')).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(stepsDoneCount(card(), 'confirmed')).toBe(5);
  });

  it('a step the user marked is done wherever it is', () => {
    expect(states(card({ stepsDone: ['submit-request'] }), 'sign-in')).toEqual(['current', 'todo', 'done', 'todo', 'todo']);
    expect(stepsDoneCount(card({ stepsDone: ['submit-request'] }), null)).toBe(1);
  });
});

describe('routes', () => {
  it('starts each carrier on its default route and follows the card\'s choice when the carrier has it', () => {
    const cmhk = CARRIERS.find((c) => c.id === 'cmhk')!;
    const fetnet = CARRIERS.find((c) => c.id === 'fetnet')!;
    expect(routeOf(cmhk, null)).toBe('hotline');
    expect(routeOf(cmhk, card({ route: 'shop' }))).toBe('shop');
    expect(routeOf(fetnet, card({ route: 'hotline' }))).toBe('online'); // no hotline route for a Taiwan card
  });

  it('has a title and a text for every step on every route of every carrier, in every language', () => {
    for (const carrier of CARRIERS.map(sourcedOnly)) {
      for (const route of carrierRoutes(carrier)) {
        for (const step of GUIDE.steps) {
          const text = stepText(GUIDE, carrier, step, route);
          for (const lang of LANGUAGES) {
            expect(localize(text.title, lang), `${carrier.id} ${route} ${step.id} ${lang}`).not.toBe('');
            expect(localize(text.do, lang), `${carrier.id} ${route} ${step.id} ${lang}`).not.toBe('');
          }
        }
      }
    }
  });

  it('never tells a user on the hotline, shop, port-out or lapse route to find an online entry (no contradiction with the ring)', () => {
    const online = /\b(sign in|account pages?|in your account|online form)\b/i;
    for (const carrier of CARRIERS.map(sourcedOnly)) {
      for (const route of carrierRoutes(carrier).filter((r) => r !== 'online')) {
        for (const id of ['find-entry', 'submit-request'] as const) {
          const text = stepText(GUIDE, carrier, GUIDE.steps.find((s) => s.id === id)!, route).do.en;
          expect(text, `${carrier.id} ${route} ${id}`).not.toMatch(online);
        }
      }
    }
  });

  it('words the online route as conditional where no online channel was found, and names the way that does exist', () => {
    for (const carrier of CARRIERS) {
      const route = carrier.routes.find((r) => r.id === 'online');
      const absent = route?.steps['find-entry']?.sources.some((s) => ['fact-no-online-channel', 'fact-cmhk-no-self-service'].includes(s));
      if (!route || !absent) continue;
      const text = route.steps['find-entry']!.do.en;
      expect(text, carrier.id).toMatch(/we found no/i);
      expect(text, carrier.id).toMatch(/if your account shows/i);
      expect(text, carrier.id).toContain(carrier.hotlines[0]!.number);
    }
  });
});
