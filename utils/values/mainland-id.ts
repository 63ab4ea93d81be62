// Mainland China resident identity numbers (GB 11643): 17 digits (area, birth date, sequence)
// and a check character computed with ISO 7064 MOD 11-2. Pure.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function mainlandIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

/** 18 characters with a correct MOD 11-2 check character (x or X for 10). */
export function isValidMainlandId(text: string): boolean {
  const t = text.trim();
  if (!/^\d{17}[\dXx]$/.test(t)) return false;
  return mainlandIdCheckChar(t.slice(0, 17)) === t.charAt(17).toUpperCase();
}

/** The birth date part (positions 7–14) is a real calendar date between 1900 and 2099. */
export function mainlandIdBirthDatePlausible(text: string): boolean {
  const t = text.trim();
  const y = Number(t.slice(6, 10));
  const m = Number(t.slice(10, 12));
  const d = Number(t.slice(12, 14));
  if (!(y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
