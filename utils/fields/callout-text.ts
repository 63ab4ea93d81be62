// What the callout beside the field says: a short headline and the acknowledge button (issue 14).
// The full explanation (`field-<kind>-<severity>`) is the panel's field message alone, so the same
// warning is never on the page twice. `text` looks a key up: in the full data (the background) or
// in the panel's pack (utils/texts.ts).
import type { FieldKind, Severity } from '../types';

export function calloutText(kind: FieldKind, severity: Severity, text: (key: string) => string) {
  return { title: text(`callout-${kind}-${severity}`), ackLabel: text('acknowledge') };
}
