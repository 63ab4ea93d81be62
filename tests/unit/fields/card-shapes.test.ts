// Issue 15 item 3: card fields in the shapes and languages of real forms.
import { describe, expect, it } from 'vitest';
import { classifyElement } from '../../../utils/page/fields/describe';

function kindIn(html: string, selector = '#t'): string | null {
  document.body.innerHTML = html;
  return classifyElement(document.querySelector(selector)!);
}

const months = Array.from({ length: 12 }, (_, i) => `<option>${String(i + 1).padStart(2, '0')}</option>`).join('');
const years = Array.from({ length: 10 }, (_, i) => `<option>${2026 + i}</option>`).join('');

describe('card fields in the languages of Chromium autofill', () => {
  it.each([
    ['de', 'Kartennummer', 'Ablaufdatum', 'Kartenprüfnummer'],
    ['fr', 'Numéro de carte', "Date d'expiration", 'Cryptogramme visuel'],
    ['es', 'Número de tarjeta', 'Fecha de caducidad', 'Código de seguridad'],
    ['it', 'Numero carta', 'Data di scadenza', 'Codice di sicurezza'],
    ['pt', 'Número do cartão', 'Data de validade', 'Código de segurança'],
    ['nl', 'Kaartnummer', 'Vervaldatum', 'Beveiligingscode'],
    ['ru', 'Номер карты', 'Срок действия', 'Код безопасности'],
    ['tr', 'Kart Numarası', 'Son Kullanma Tarihi', 'Güvenlik Kodu'],
    ['pl', 'Numer karty', 'Data ważności', 'Kod bezpieczeństwa'],
    ['sv', 'Kortnummer', 'Giltig till', 'Säkerhetskod'],
  ])('%s', (lang, number, expiry, cvc) => {
    const form = `<form lang="${lang}"><label for="n">${number}</label><input id="n"><label for="e">${expiry}</label><input id="e"><label for="c">${cvc}</label><input id="c" maxlength="4"></form>`;
    expect(kindIn(form, '#n')).toBe('card-number');
    expect(kindIn(form, '#e')).toBe('card-expiry');
    expect(kindIn(form, '#c')).toBe('card-cvc');
  });
});

describe('card fields in real shapes', () => {
  it('expiry as month and year selects in a card form', () => {
    const form = `<form><label for="n">Card number</label><input id="n"><label>Expires</label><select id="m"><option>MM</option>${months}</select><select id="y"><option>YYYY</option>${years}</select></form>`;
    expect(kindIn(form, '#m')).toBe('card-expiry');
    expect(kindIn(form, '#y')).toBe('card-expiry');
  });

  it('date-of-birth month and year selects stay ordinary, even beside a card form', () => {
    const form = `<form><label for="n">Card number</label><input id="n"><label>Geburtsdatum</label><select id="m">${months}</select><select id="y"><option>2008</option><option>2007</option><option>1950</option></select></form>`;
    expect(kindIn(form, '#m')).toBeNull();
    expect(kindIn(form, '#y')).toBeNull();
  });

  it('a single MM/YY box', () => {
    expect(kindIn('<form><label for="n">Numero carta</label><input id="n"><input id="t" placeholder="MM/AA" maxlength="5"></form>')).toBe('card-expiry');
    expect(kindIn('<form><label for="t">Exp.</label><input id="t" placeholder="MM/YY"><label for="n">Card number</label><input id="n"></form>')).toBe('card-expiry');
  });

  it('a card number split over four boxes', () => {
    const form = '<form><p>Credit Card Number:</p><div><input id="a" maxlength="4"><input id="b" maxlength="4"><input id="c" maxlength="4"><input id="d" maxlength="4"></div></form>';
    for (const id of ['#a', '#b', '#c', '#d']) expect(kindIn(form, id)).toBe('card-number');
  });

  it('a CVV in a password box is the card code, not a password', () => {
    expect(kindIn('<form><label for="n">Card number</label><input id="n"><label for="t">CVV2</label><input id="t" type="password" maxlength="4"></form>')).toBe('card-cvc');
  });

  it('autocomplete="tel" on "Credit card number" does not silence the label; on "Phone" it does', () => {
    expect(kindIn('<form><label for="t">Credit card number</label><input id="t" type="tel" autocomplete="tel"></form>')).toBe('card-number');
    expect(kindIn('<form><label for="t">信用卡號碼</label><input id="t" autocomplete="tel"></form>')).toBe('card-number');
    expect(kindIn('<form><label for="t">Phone</label><input id="t" type="tel" autocomplete="tel"></form>')).toBeNull();
    expect(kindIn('<form><label for="t">Name on card</label><input id="t" autocomplete="cc-name"></form>')).toBeNull();
  });

  it('a gift card PIN or security code is no card code', () => {
    expect(kindIn('<form><label for="g">Gift card number</label><input id="g"><label for="t">PIN</label><input id="t" maxlength="8"></form>')).toBeNull();
    expect(kindIn('<form><label for="t">Card security code (on the back of your Rewards card)</label><input id="t"></form>')).toBeNull();
    expect(kindIn('<form><label for="t">Geschenkkarte PIN</label><input id="t" maxlength="4"></form>')).toBeNull();
  });
});
