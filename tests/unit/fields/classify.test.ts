// Table-driven classification over field descriptions in zh-Hans, zh-Hant, en (and some ja/ko):
// positives for each kind, and ordinary fields that must stay silent.
import { describe, expect, it } from 'vitest';
import { autocompleteToken, classifyField, normaliseText, type FieldDescription } from '../../../utils/fields/classify';
import type { FieldKind } from '../../../utils/types';

function d(partial: Partial<FieldDescription>): FieldDescription {
  return {
    tag: 'input',
    type: 'text',
    autocomplete: '',
    name: '',
    id: '',
    label: '',
    placeholder: '',
    title: '',
    nearby: '',
    groupLabel: '',
    following: '',
    imageNearby: false,
    maxLength: null,
    inputMode: '',
    options: [],
    optionCount: 0,
    groupSize: 1,
    contentEditable: false,
    ...partial,
  };
}

const MONTHS = ['MM', '01', '02', '03', '04', '05', '11', '12'];
const EXPIRY_YEARS = ['YYYY', '2025', '2026', '2027', '2028', '2029', '2039', '2040'];
const BIRTH_YEARS = ['Year', '2012', '2011', '2010', '2009', '2008', '1931', '1930'];
const month = (p: Partial<FieldDescription>): FieldDescription => d({ tag: 'select', type: 'select', options: MONTHS, optionCount: 13, ...p });
const year = (p: Partial<FieldDescription>): FieldDescription => d({ tag: 'select', type: 'select', options: EXPIRY_YEARS, optionCount: 16, ...p });

type Row = [string, FieldDescription, FieldKind | null, boolean?];

// [what, description, expected, card context]
const ROWS: Row[] = [
  // autocomplete first (Chromium's reading of the attribute)
  ['ac cc-number', d({ autocomplete: 'cc-number' }), 'card-number'],
  ['ac with section and billing', d({ autocomplete: 'section-pay billing cc-number' }), 'card-number'],
  ['ac upper case', d({ autocomplete: 'CC-CSC' }), 'card-cvc'],
  ['ac cc-exp-month', d({ tag: 'select', type: 'select', autocomplete: 'cc-exp-month' }), 'card-expiry'],
  ['ac cc-exp-year', d({ autocomplete: 'cc-exp-year' }), 'card-expiry'],
  ['ac one-time-code', d({ autocomplete: 'one-time-code' }), 'otp'],
  ['ac trailing webauthn', d({ type: 'password', autocomplete: 'current-password webauthn' }), 'password'],
  ['ac new-password', d({ type: 'password', autocomplete: 'new-password' }), 'password'],
  ['ac off says nothing', d({ autocomplete: 'off', label: 'Card number' }), 'card-number'],
  ['ac on says nothing', d({ autocomplete: 'on', label: '安全码' }), 'card-cvc'],
  ['ac email wins over words', d({ autocomplete: 'email', label: 'Verification email' }), null],
  ['ac cc-name', d({ autocomplete: 'cc-name', label: 'Name on card' }), null],
  ['ac bday-month select', month({ autocomplete: 'bday-month' }), null, true],

  // card-number
  ['en card number', d({ label: 'Card number' }), 'card-number'],
  ['en credit card number', d({ label: 'Credit Card Number' }), 'card-number'],
  ['en debit card no.', d({ label: 'Debit card no.' }), 'card-number'],
  ['en name only', d({ name: 'ccnumber' }), 'card-number'],
  ['en camel name', d({ name: 'creditCardNumber' }), 'card-number'],
  ['en card-num id', d({ id: 'card-num' }), 'card-number'],
  ['type=password card box', d({ type: 'password', label: 'Card number' }), 'card-number'],
  ['type=number card box', d({ type: 'number', name: 'cardNo' }), 'card-number'],
  ['zh-Hans 银行卡号', d({ label: '银行卡号' }), 'card-number'],
  ['zh-Hans 信用卡号码', d({ placeholder: '请输入信用卡号码' }), 'card-number'],
  ['zh-Hans 借记卡号 nearby', d({ nearby: '借记卡号：' }), 'card-number'],
  ['zh-Hant 信用卡號碼', d({ label: '信用卡號碼' }), 'card-number'],
  ['zh-Hant 扣賬卡號碼', d({ label: '扣賬卡號碼' }), 'card-number'],
  ['zh-Hant 卡號 nearby th', d({ nearby: '卡號' }), 'card-number'],
  ['ja カード番号', d({ label: 'カード番号' }), 'card-number'],
  ['ko 카드번호', d({ label: '카드번호' }), 'card-number'],
  ['ko 카드 alone in card form', d({ label: '카드', type: 'tel' }), 'card-number', true],
  ['split box 2 of 4 with card context', d({ type: 'tel', maxLength: 4, groupSize: 4, name: 'n2' }), 'card-number', true],
  ['split box with card-ish name, no context', d({ type: 'tel', maxLength: 4, groupSize: 4, name: 'cc2' }), 'card-number'],
  ['split box with row label', d({ type: 'password', maxLength: 4, groupSize: 4, groupLabel: '信用卡號碼' }), 'card-number'],

  // card-cvc
  ['en CVV', d({ label: 'CVV' }), 'card-cvc'],
  ['en CVC2 name', d({ name: 'cvc2' }), 'card-cvc'],
  ['en security code', d({ label: 'Security code', maxLength: 4 }), 'card-cvc'],
  ['en card verification number', d({ label: 'Card verification number' }), 'card-cvc'],
  ['en verification code in card form', d({ label: 'Verification code', maxLength: 3 }), 'card-cvc', true],
  ['en cid in card form', d({ name: 'cid', maxLength: 4 }), 'card-cvc', true],
  ['zh-Hans 安全码', d({ label: '安全码' }), 'card-cvc'],
  ['zh-Hans 信用卡验证码', d({ label: '信用卡验证码' }), 'card-cvc'],
  ['zh-Hans 卡背面末三位', d({ placeholder: '卡背面末三位' }), 'card-cvc'],
  ['zh-Hans 验证码 short in card form', d({ label: '验证码', maxLength: 3 }), 'card-cvc', true],
  ['zh-Hant 安全碼', d({ label: '安全碼' }), 'card-cvc'],
  ['zh-Hant 卡背末三位數字', d({ nearby: '卡背末三位數字' }), 'card-cvc'],
  ['zh-Hant 背面末三碼', d({ label: '背面末三碼' }), 'card-cvc'],
  ['ja セキュリティコード', d({ label: 'セキュリティコード' }), 'card-cvc'],
  ['ko 보안코드', d({ label: '보안코드' }), 'card-cvc'],
  ['type=password CVV', d({ type: 'password', name: 'cvv', maxLength: 3 }), 'card-cvc'],

  // card-expiry
  ['en expiry MM/YY placeholder', d({ placeholder: 'MM / YY' }), 'card-expiry'],
  ['en expiration date in card form', d({ label: 'Expiration date' }), 'card-expiry', true],
  ['en valid thru', d({ label: 'Valid thru' }), 'card-expiry'],
  ['en exp month select', month({ name: 'expMonth' }), 'card-expiry', true],
  ['en exp year select', year({ name: 'expYear' }), 'card-expiry', true],
  ['month select, no words, card form', month({}), 'card-expiry', true],
  ['year select, 2-digit years, card form', year({ options: ['YY', '25', '26', '27', '28', '29', '39', '40'] }), 'card-expiry', true],
  ['zh-Hans 有效期 card form', d({ label: '有效期' }), 'card-expiry', true],
  ['zh-Hans 月 select card form', month({ nearby: '月' }), 'card-expiry', true],
  ['zh-Hans 年 select card form', year({ nearby: '年' }), 'card-expiry', true],
  ['zh-Hant 有效期限', d({ label: '有效期限' }), 'card-expiry', true],
  ['zh-Hant 屆滿日期', d({ label: '屆滿日期' }), 'card-expiry', true],
  ['zh-Hans 信用卡有效期 anywhere', d({ label: '信用卡有效期' }), 'card-expiry'],
  ['ja 有効期限', d({ label: '有効期限' }), 'card-expiry', true],
  ['ko 유효기간', d({ label: '유효기간' }), 'card-expiry', true],

  // password
  ['en password', d({ type: 'password', label: 'Password' }), 'password'],
  ['en confirm password', d({ type: 'password', label: 'Confirm password' }), 'password'],
  ['type=password no words', d({ type: 'password' }), 'password'],
  ['zh-Hans 登录密码', d({ type: 'password', placeholder: '登录密码' }), 'password'],
  ['zh-Hans 新密码 as text', d({ label: '新密码' }), 'password'],
  ['zh-Hant 服務密碼', d({ type: 'password', label: '服務密碼' }), 'password'],
  ['zh-Hant 客戶密碼', d({ label: '客戶密碼' }), 'password'],
  ['ja パスワード', d({ label: 'パスワード' }), 'password'],
  ['ko 비밀번호', d({ label: '비밀번호' }), 'password'],

  // otp
  ['en one-time password', d({ label: 'One-time password' }), 'otp'],
  ['en SMS code', d({ placeholder: 'SMS code' }), 'otp'],
  ['en verification code, no card form', d({ label: 'Verification code', maxLength: 6 }), 'otp'],
  ['en verification code in card form, sent by SMS', d({ label: 'Verification code', following: 'Send code' }), 'otp', true],
  ['en 2FA name', d({ name: 'twoFactorCode', label: 'Enter your 2FA code' }), 'otp'],
  ['zh-Hans 短信验证码', d({ label: '短信验证码' }), 'otp'],
  ['zh-Hans 验证码 with send button', d({ label: '验证码', following: '获取验证码' }), 'otp'],
  ['zh-Hans 验证码 6 long in card form', d({ label: '验证码', maxLength: 6 }), 'otp', true],
  ['zh-Hans 动态密码', d({ type: 'password', label: '动态密码' }), 'otp'],
  ['zh-Hant 短訊驗證碼', d({ label: '短訊驗證碼' }), 'otp'],
  ['zh-Hant 一次性密碼', d({ label: '一次性密碼' }), 'otp'],
  ['ja 認証コード', d({ label: '認証コード' }), 'otp'],
  ['ko 인증번호', d({ placeholder: '인증번호 6자리' }), 'otp'],

  // id-number
  ['en passport number', d({ label: 'Passport number' }), 'id-number'],
  ['en HKID', d({ label: 'HKID' }), 'id-number'],
  ['en HKID card number', d({ label: 'HKID card number' }), 'id-number'],
  ['zh-Hans 身份证号码', d({ label: '身份证号码' }), 'id-number'],
  ['zh-Hans 证件号码', d({ nearby: '证件号码' }), 'id-number'],
  ['zh-Hant 香港身份證號碼', d({ label: '香港身份證號碼' }), 'id-number'],
  ['zh-Hant 身份證明文件號碼', d({ label: '身份證明文件號碼' }), 'id-number'],
  ['zh-Hant 護照號碼', d({ label: '護照號碼' }), 'id-number'],
  ['ko 주민등록번호', d({ label: '주민등록번호' }), 'id-number'],

  // ordinary fields: silent
  ['en phone', d({ type: 'tel', label: 'Phone number' }), null],
  ['en email', d({ type: 'email', label: 'Email' }), null],
  ['en name', d({ label: 'Full name' }), null],
  ['en name on card', d({ label: 'Name on card' }), null, true],
  ['en address', d({ label: 'Street address' }), null, true],
  ['en search', d({ type: 'search', placeholder: 'Search' }), null],
  ['en quantity', d({ type: 'number', label: 'Quantity' }), null, true],
  ['en quantity select 1–12 in card form', month({ label: 'Qty' }), null, true],
  ['en postcode', d({ label: 'Postcode' }), null, true],
  ['en ZIP', d({ name: 'zip', maxLength: 5 }), null, true],
  ['en coupon code', d({ label: 'Coupon code' }), null, true],
  ['en promo code', d({ placeholder: 'Promo code' }), null],
  ['en referral code', d({ label: 'Referral code' }), null],
  ['en gift card number', d({ label: 'Gift card number' }), null],
  ['en gift card number in card form', d({ label: 'Gift card number', maxLength: 19 }), null, true],
  ['en captcha', d({ label: 'Enter the characters you see', name: 'captcha' }), null],
  ['en DOB month select', month({ label: 'Month', nearby: 'Date of birth' }), null],
  ['en DOB month select in card form', month({ name: 'birthMonth' }), null, true],
  ['en DOB year select in card form', d({ tag: 'select', type: 'select', options: BIRTH_YEARS, optionCount: 90 }), null, true],
  ['en DOB MM/DD/YYYY', d({ placeholder: 'MM/DD/YYYY', label: 'Date of birth' }), null, true],
  ['en passport expiry', d({ label: 'Passport expiry date' }), null, true],
  ['en area code', d({ label: 'Area code', maxLength: 3 }), null],
  ['zh-Hans 手机号', d({ label: '手机号' }), null],
  ['zh-Hans 银行预留手机号', d({ label: '银行卡预留手机号' }), null, true],
  ['zh-Hans 姓名', d({ label: '姓名' }), null],
  ['zh-Hans 持卡人姓名 after a CVC hint', d({ label: '持卡人姓名' }), null, true],
  ['zh-Hans 收货地址', d({ label: '收货地址' }), null],
  ['zh-Hans 出生日期 年 select', year({ options: BIRTH_YEARS, nearby: '出生日期' }), null, true],
  ['zh-Hans 出生日期 月 select', month({ nearby: '出生日期' }), null, true],
  ['zh-Hans 搜索', d({ placeholder: '搜索商品' }), null],
  ['zh-Hans 数量', d({ label: '数量', maxLength: 3 }), null],
  ['zh-Hans 邮编', d({ label: '邮编', maxLength: 6 }), null, true],
  ['zh-Hans 图形验证码', d({ label: '图形验证码', maxLength: 4 }), null],
  ['zh-Hans 验证码 beside an image', d({ label: '验证码', maxLength: 4, imageNearby: true }), null],
  ['zh-Hans 验证码图片 alt', d({ label: '验证码', following: '验证码图片 看不清？换一张' }), null],
  ['zh-Hans 优惠券码', d({ label: '优惠券码' }), null, true],
  ['zh-Hans 礼品卡卡号', d({ label: '礼品卡卡号' }), null],
  ['zh-Hans 礼品卡密码', d({ type: 'password', label: '礼品卡密码' }), null],
  ['zh-Hans 邀请码', d({ label: '邀请码' }), null],
  ['zh-Hant 手機號碼', d({ label: '手機號碼' }), null],
  ['zh-Hant 圖形驗證碼', d({ label: '圖形驗證碼' }), null],
  ['zh-Hant 驗證碼圖片', d({ label: '驗證碼', following: '驗證碼圖片' }), null],
  ['zh-Hant 郵遞區號', d({ label: '郵遞區號' }), null],
  ['zh-Hant 充值卡密碼', d({ label: '充值卡密碼' }), null],
  ['zh-Hant SIM卡號碼', d({ label: 'SIM卡號碼' }), null],
  ['zh-Hant 禮品卡號碼', d({ label: '禮品卡號碼' }), null],
  ['zh-Hant 出生日期 月 select', month({ nearby: '出生日期' }), null, true],
  ['ja 郵便番号', d({ label: '郵便番号' }), null],
  ['ja 生年月日 select', month({ nearby: '生年月日' }), null, true],
  ['ko 생년월일', d({ label: '생년월일', maxLength: 6 }), null, true],
  ['ko 카드 alone outside a card form', d({ label: '카드' }), null],
  ['ko 보안문자 captcha', d({ placeholder: '보안문자 입력' }), null],
  ['month select without card context', month({ name: 'expMonth' }), null],
  ['textarea reason', d({ tag: 'textarea', type: '', label: 'Reason for termination' }), null],
  ['checkbox', d({ type: 'checkbox', label: 'Remember this card' }), null, true],
  ['submit button', d({ type: 'submit', name: 'cardNumber' }), null],
  ['hidden', d({ type: 'hidden', name: 'cardNumber' }), null],
];

describe('classifyField', () => {
  it.each(ROWS)('%s', (_what, desc, expected, card) => {
    expect(classifyField(desc, { cardContext: card ?? false })).toBe(expected);
  });

  it('covers every kind and silence', () => {
    const kinds = new Set(ROWS.map((r) => r[2]));
    for (const k of ['card-number', 'card-cvc', 'card-expiry', 'password', 'otp', 'id-number', null]) expect(kinds.has(k as FieldKind | null)).toBe(true);
  });
});

describe('autocompleteToken', () => {
  it.each([
    ['cc-number', 'cc-number'],
    ['  Section-Blue  Shipping CC-Number ', 'cc-number'],
    ['current-password webauthn', 'current-password'],
    ['on', ''],
    ['off', ''],
    ['', ''],
    ['work email', 'email'],
  ])('%j → %j', (value, token) => expect(autocompleteToken(value)).toBe(token));
});

describe('normaliseText', () => {
  it('splits camelCase and digits, folds full width', () => {
    expect(normaliseText('creditCardNumber2')).toBe('credit card number 2');
    expect(normaliseText('ＣＶＶ２')).toBe('cvv 2');
    expect(normaliseText('MM / YY')).toBe('mm/yy');
    expect(normaliseText('checkout[card_no]')).toBe('checkout card no');
  });
});
