// Property tests for the value checks: Luhn, HKID, mainland resident ID, and valueShape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hkidCheckDigit, isValidHkid } from '../../../utils/values/hkid';
import { luhnCheckDigit, luhnValid } from '../../../utils/values/luhn';
import { isValidMainlandId, mainlandIdCheckChar } from '../../../utils/values/mainland-id';
import { valueShape } from '../../../utils/values/value-shape';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });

/** A Luhn-valid card number of 12–19 digits with a real issuer's first digit. */
const cardNumber = fc
  .tuple(fc.constantFrom('4', '51', '55', '2221', '34', '37', '62', '35'), digits(10, 17))
  .map(([prefix, body]) => {
    const payload = (prefix + body).slice(0, 18);
    return payload + luhnCheckDigit(payload);
  })
  // 15 digits: only American Express (34, 37) issues them; other 15-digit numbers are IMEIs (issue 15).
  .filter((n) => n.length >= 12 && n.length <= 19 && !/^(\d)\1+$/.test(n) && (n.length !== 15 || /^3[47]/.test(n)));

const hkid = fc.tuple(letters(1, 2), digits(6, 6)).map(([l, d]) => ({ l, d, check: hkidCheckDigit(l, d) ?? '?' }));

const birthDate = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }).map((t) => t.toISOString().slice(0, 10).replace(/-/g, ''));
const mainlandId = fc.tuple(digits(6, 6), birthDate, digits(3, 3)).map(([area, date, seq]) => {
  const first17 = area + date + seq;
  return first17 + (mainlandIdCheckChar(first17) ?? '?');
});

describe('Luhn', () => {
  it('accepts every generated valid number', () => {
    fc.assert(fc.property(cardNumber, (n) => luhnValid(n)));
  });
  it('detects any single-digit change', () => {
    fc.assert(
      fc.property(cardNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const i = pos % n.length;
        const changed = n.slice(0, i) + String((Number(n.charAt(i)) + delta) % 10) + n.slice(i + 1);
        return !luhnValid(changed);
      }),
    );
  });
  it('knows the classic test numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111')).toBe(false);
  });
});

describe('HKID', () => {
  it('accepts generated IDs with their check digit, in the usual writings', () => {
    fc.assert(
      fc.property(hkid, ({ l, d, check }) => {
        return isValidHkid(`${l}${d}(${check})`) && isValidHkid(`${l}${d}${check}`) && isValidHkid(`${l.toLowerCase()}${d} ${check}`);
      }),
    );
  });
  it('detects a tampered check digit', () => {
    fc.assert(
      fc.property(hkid, fc.constantFrom(...'0123456789A'), ({ l, d, check }, other) => {
        fc.pre(other !== check);
        return !isValidHkid(`${l}${d}(${other})`);
      }),
    );
  });
  it('knows a published sample', () => {
    // The HK Government's sample card number C668668(E) is not of this form; A123456(3) is the common example.
    expect(hkidCheckDigit('A', '123456')).toBe('3');
    expect(isValidHkid('A123456(3)')).toBe(true);
    expect(isValidHkid('A123456(4)')).toBe(false);
    expect(isValidHkid('123456(3)')).toBe(false);
  });
});

describe('mainland resident ID', () => {
  it('accepts generated IDs with their MOD 11-2 check character', () => {
    fc.assert(fc.property(mainlandId, (id) => isValidMainlandId(id) && isValidMainlandId(id.toLowerCase())));
  });
  it('detects a tampered check character', () => {
    fc.assert(
      fc.property(mainlandId, fc.constantFrom(...'0123456789X'), (id, other) => {
        fc.pre(other !== id.charAt(17));
        return !isValidMainlandId(id.slice(0, 17) + other);
      }),
    );
  });
  it('detects a single changed body digit', () => {
    fc.assert(
      fc.property(mainlandId, fc.nat(16), fc.integer({ min: 1, max: 9 }), (id, i, delta) => {
        const changed = id.slice(0, i) + String((Number(id.charAt(i)) + delta) % 10) + id.slice(i + 1);
        return !isValidMainlandId(changed);
      }),
    );
  });
  it('knows the standard example', () => {
    expect(isValidMainlandId('11010519491231002X')).toBe(true);
    expect(isValidMainlandId('110105194912310021')).toBe(false);
  });
});

describe('valueShape', () => {
  it('finds a Luhn-valid number with spaces or dashes, alone or in text', () => {
    fc.assert(
      fc.property(cardNumber, fc.constantFrom('', ' ', '-'), (n, sep) => {
        const grouped = n.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        return valueShape(grouped) === 'card-number' && valueShape(`please cancel, card ${grouped} thanks`) === 'card-number';
      }),
    );
  });
  it('finds HKID and mainland IDs in free text', () => {
    fc.assert(fc.property(hkid, ({ l, d, check }) => valueShape(`my ID is ${l}${d}(${check})`) === 'id-number'));
    fc.assert(fc.property(mainlandId, (id) => valueShape(`身份证 ${id}`) === 'id-number'));
  });
  it.each([
    ['', null],
    ['I want to cancel my number 9123 4567', null],
    ['4111 1111 1111 1112', null],
    ['0000 0000 0000 0000', null],
    ['order 12345678901', null],
    ['A123456(4)', null],
    ['4111-1111-1111-1111', 'card-number'],
    ['A123456(3)', 'id-number'],
    ['11010519491231002X', 'id-number'],
    // A SIM's own numbers are never a bank card, whatever their check digit (issue 15).
    ['8985200012345678905', 'sim-number'], // ICCID, 19 digits, Luhn-valid
    ['8985 2000 1234 5678 9067', 'sim-number'], // ICCID, 20 digits
    ['SIM 89852000123456789 06', 'sim-number'],
    ['353456789012348', null], // IMEI, 15 digits, Luhn-valid
    ['my phone 490154203237518', null], // IMEI
    ['378282246310005', 'card-number'], // American Express, 15 digits
    ['ICCID 8985200012345678905 and card 4111 1111 1111 1111', 'card-number'],
  ])('%j → %j', (value, shape) => expect(valueShape(value)).toBe(shape));
});
