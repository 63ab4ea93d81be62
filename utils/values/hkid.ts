// Hong Kong identity card numbers: 1–2 letters, 6 digits and a check digit (0–9 or A), usually
// written A123456(7). The check is a weighted sum mod 11; letters count A=10 … Z=35 and a missing
// first letter counts 36 (a space). Pure.

function letterValue(ch: string): number {
  return ch.charCodeAt(0) - 55; // 'A' (65) → 10
}

/** The check character for a prefix of 1–2 letters and 6 digits, or null for a malformed one. */
export function hkidCheckDigit(letters: string, digits: string): string | null {
  const l = letters.toUpperCase();
  if (!/^[A-Z]{1,2}$/.test(l) || !/^\d{6}$/.test(digits)) return null;
  const first = l.length === 2 ? letterValue(l.charAt(0)) : 36;
  const second = letterValue(l.charAt(l.length - 1));
  let sum = first * 9 + second * 8;
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/** A whole HKID written `A123456(7)`, `A1234567`, `A123456 7` or `AB123456(7)`, any case, with a correct check digit. */
export function isValidHkid(text: string): boolean {
  const m = /^([A-Za-z]{1,2})\s?(\d{6})\s?(?:\(([0-9Aa])\)|([0-9Aa]))$/.exec(text.trim());
  if (!m) return false;
  const given = (m[3] ?? m[4] ?? '').toUpperCase();
  return hkidCheckDigit(m[1] ?? '', m[2] ?? '') === given;
}
