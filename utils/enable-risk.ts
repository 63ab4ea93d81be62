// Can the user enable the guide on this page, and what must they be warned about first?
// http pages, internationalised (`xn--`) hosts and hosts that imitate a carrier get a strong
// warning and an explicit confirmation in the popup before the permission is even asked for.
import { analyseHost } from './lookalike';
import { isStorableOrigin } from './progress';
import { officialSite, originOf } from './site-trust';
import type { CarrierId } from './types';
import { CARRIERS } from './carriers';

type EnableRisk = 'http' | 'punycode' | 'lookalike';

export type EnableCheck =
  | { ok: false; why: 'not-web' | 'official' }
  | { ok: true; origin: string; risks: EnableRisk[]; imitates: CarrierId | null };

export function checkEnable(url: string): EnableCheck {
  if (officialSite(url, CARRIERS)) return { ok: false, why: 'official' };
  const origin = originOf(url);
  if (!origin || !isStorableOrigin(origin)) return { ok: false, why: 'not-web' };
  const host = origin.slice(origin.indexOf('//') + 2);
  const risks: EnableRisk[] = [];
  if (origin.startsWith('http:')) risks.push('http');
  if (host.split('.').some((label) => label.startsWith('xn--'))) risks.push('punycode');
  const analysis = analyseHost(host);
  if (analysis.carrier) risks.push('lookalike');
  return { ok: true, origin, risks, imitates: analysis.carrier };
}
