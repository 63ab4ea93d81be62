// How loudly to warn about a sensitive field: DESIGN.md's "Severity" table, exactly.
import type { FieldKind, Severity, SiteTrust, StepId } from '../types';

export interface SeverityContext {
  trust: SiteTrust;
  /** The cancellation step the page is, or null for none. */
  step: StepId | null;
  /** The page is a verification step (a one-time code is expected here). */
  verificationPage: boolean;
}

export function fieldSeverity(kind: FieldKind, ctx: SeverityContext): Severity {
  // A site the user enabled is never trusted with anything: always warn. A suspicious site too.
  if (ctx.trust !== 'official') return 'warn';
  const signIn = ctx.step === 'sign-in';
  switch (kind) {
    case 'card-number':
    case 'card-cvc':
    case 'card-expiry':
      return 'warn';
    case 'password':
      return signIn ? 'info' : 'warn';
    case 'otp':
      return signIn || ctx.verificationPage ? 'info' : 'warn';
    case 'id-number':
      return 'info';
  }
}
