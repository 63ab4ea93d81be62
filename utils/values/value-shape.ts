// Recognises what a typed value is shaped like, so a card number pasted into a reason box can be
// warned about. The value is looked at here, in memory, and never kept: nothing outside the
// call holds it, and only the shape's name is returned.
import { isValidHkid } from './hkid';
import { luhnValid } from './luhn';
import { isValidMainlandId, mainlandIdBirthDatePlausible } from './mainland-id';

export type ValueShape = 'card-number' | 'id-number';

/** Longest text looked at; a pasted essay is not scanned past this. */
const MAX_LENGTH = 2000;

// 12–19 digits, single spaces or dashes allowed between digits, not part of a longer number.
const CARD_RUN = /(?<![\d\-])\d(?:[ -]?\d){11,18}(?![\d\-])/g;
const MAINLAND_RUN = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const HKID_RUN = /(?<![A-Za-z\d])[A-Za-z]{1,2}\s?\d{6}\s?(?:\([0-9Aa]\)|[0-9Aa])(?![A-Za-z\d])/g;

function isCardNumber(run: string): boolean {
  const digits = run.replace(/[ -]/g, '');
  if (digits.length < 12 || digits.length > 19) return false;
  if (/^(\d)\1+$/.test(digits)) return false; // 0000 0000 0000 0000 passes Luhn but is no card
  return luhnValid(digits);
}

/** 'card-number' for a Luhn-valid 12–19 digit number, 'id-number' for an HKID or mainland ID with a correct check character, else null. */
export function valueShape(value: string): ValueShape | null {
  const text = value.length > MAX_LENGTH ? value.slice(0, MAX_LENGTH) : value;
  if (!/\d{6}/.test(text.replace(/[ -]/g, ''))) return null;
  for (const m of text.matchAll(MAINLAND_RUN)) {
    if (isValidMainlandId(m[0]) && mainlandIdBirthDatePlausible(m[0])) return 'id-number';
  }
  for (const m of text.matchAll(CARD_RUN)) {
    if (isCardNumber(m[0])) return 'card-number';
  }
  for (const m of text.matchAll(HKID_RUN)) {
    if (isValidHkid(m[0])) return 'id-number';
  }
  return null;
}
