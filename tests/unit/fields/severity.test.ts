// fieldSeverity is DESIGN.md's "Severity" table, cell by cell.
import { describe, expect, it } from 'vitest';
import { fieldSeverity } from '../../../utils/fields/severity';
import { FIELD_KINDS, STEP_IDS, type FieldKind, type Severity, type StepId } from '../../../utils/types';

const CARD: FieldKind[] = ['card-number', 'card-cvc', 'card-expiry'];
const OTHER_STEPS: (StepId | null)[] = [...STEP_IDS.filter((s) => s !== 'sign-in'), null];

describe('fieldSeverity', () => {
  it.each(CARD)('%s warns everywhere', (kind) => {
    for (const step of [...STEP_IDS, null]) {
      for (const trust of ['official', 'enabled', 'suspicious'] as const) {
        expect(fieldSeverity(kind, { trust, step, verificationPage: false })).toBe('warn');
      }
    }
  });

  const table: [FieldKind, Severity, Severity, Severity, Severity][] = [
    // kind, sign-in official, other step official, other step official on a verification page, enabled
    ['password', 'info', 'warn', 'warn', 'warn'],
    ['otp', 'info', 'warn', 'info', 'warn'],
    ['id-number', 'info', 'info', 'info', 'warn'],
  ];
  it.each(table)('%s: sign-in %s, other %s, verification page %s, enabled %s', (kind, signIn, other, verification, enabled) => {
    expect(fieldSeverity(kind, { trust: 'official', step: 'sign-in', verificationPage: false })).toBe(signIn);
    for (const step of OTHER_STEPS) {
      expect(fieldSeverity(kind, { trust: 'official', step, verificationPage: false })).toBe(other);
      expect(fieldSeverity(kind, { trust: 'official', step, verificationPage: true })).toBe(verification);
    }
    for (const step of [...STEP_IDS, null]) {
      expect(fieldSeverity(kind, { trust: 'enabled', step, verificationPage: false })).toBe(enabled);
      expect(fieldSeverity(kind, { trust: 'enabled', step, verificationPage: true })).toBe(enabled);
    }
  });

  it('covers every kind', () => {
    for (const kind of FIELD_KINDS) expect(['warn', 'info']).toContain(fieldSeverity(kind, { trust: 'official', step: null, verificationPage: false }));
  });
});
