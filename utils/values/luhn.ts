// The Luhn (mod 10) check digit that every payment card number ends with (ISO/IEC 7812-1).
// Pure: the digits are looked at in memory and forgotten.

/** True when `digits` (only 0-9, any length ≥ 2) passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `payload + digit` Luhn-valid. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(payload + String(d))) return String(d);
  }
  throw new Error('unreachable: one of ten digits always completes a Luhn number');
}
