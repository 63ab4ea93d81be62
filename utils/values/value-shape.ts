// Recognises what a typed value is shaped like, so a card number pasted into a reason box can be
// warned about. The value is looked at here, in memory, and never kept: nothing outside the
// call holds it, and only the shape's name is returned.
import { isValidHkid } from './hkid';
import { luhnValid } from './luhn';
import { isValidMainlandId, mainlandIdBirthDatePlausible } from './mainland-id';

/** 'sim-number': a SIM's own number (ICCID), never a bank card whatever its check digit. */
export type ValueShape = 'card-number' | 'id-number' | 'sim-number';

/** Longest text looked at; a pasted essay is not scanned past this. */
const MAX_LENGTH = 2000;

// 12–20 digits (20: an ICCID), single spaces or dashes allowed between digits, not part of a longer number.
const CARD_RUN = /(?<![\d\-])\d(?:[ -]?\d){11,19}(?![\d\-])/g;
// A SIM's ICCID (ITU-T E.118): 89 (telecom) then 16–18 digits, whatever its check digit.
const ICCID = /^89\d{16,18}$/;
// A phone's IMEI has 15 digits; the only 15-digit bank cards are American Express (34, 37), and no
// IMEI's reporting-body code starts 34 or 37. So 15 digits that do not are no card.
const NOT_AMEX_15 = /^(?!3[47])\d{15}$/;
const MAINLAND_RUN = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const HKID_RUN = /(?<![A-Za-z\d])[A-Za-z]{1,2}\s?\d{6}\s?(?:\([0-9Aa]\)|[0-9Aa])(?![A-Za-z\d])/g;

function runShape(run: string): ValueShape | null {
  const digits = run.replace(/[ -]/g, '');
  if (ICCID.test(digits)) return 'sim-number';
  if (digits.length > 19 || NOT_AMEX_15.test(digits)) return null;
  if (/^(\d)\1+$/.test(digits)) return null; // 0000 0000 0000 0000 passes Luhn but is no card
  return luhnValid(digits) ? 'card-number' : null;
}

/**
 * 'card-number' for a Luhn-valid 12–19 digit number that is not a SIM's, 'id-number' for an HKID or
 * mainland ID with a correct check character, 'sim-number' for an ICCID (and nothing of the above), else null. An IMEI is none of them.
 */
export function valueShape(value: string): ValueShape | null {
  const text = value.length > MAX_LENGTH ? value.slice(0, MAX_LENGTH) : value;
  if (!/\d{6}/.test(text.replace(/[ -]/g, ''))) return null;
  for (const m of text.matchAll(MAINLAND_RUN)) {
    if (isValidMainlandId(m[0]) && mainlandIdBirthDatePlausible(m[0])) return 'id-number';
  }
  let sim = false;
  for (const m of text.matchAll(CARD_RUN)) {
    const shape = runShape(m[0]);
    if (shape === 'card-number') return shape;
    sim ||= shape !== null;
  }
  for (const m of text.matchAll(HKID_RUN)) {
    if (isValidHkid(m[0])) return 'id-number';
  }
  return sim ? 'sim-number' : null;
}
