// describeField reads labels the way browsers infer them; formContext finds card forms, per form.
// (Whole pages, read once per form, are the prescan's tests: prescan.test.ts.)
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../../utils/fields/classify';
import { classifyElement, describeField, formContext } from '../../../utils/page/fields/describe';

function load(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

describe('describeField', () => {
  it('reads label[for], wrapping labels, aria-labelledby, aria-label, placeholder and title', () => {
    const doc = load(`
      <form>
        <label for="a">Card number</label><input id="a" name="n1" autocomplete="off" maxlength="19" inputmode="numeric">
        <label>Name <input id="b"></label>
        <span id="lb1">Security</span><span id="lb2">code</span><input id="c" aria-labelledby="lb1 lb2">
        <input id="d" aria-label="有效期" placeholder="MM/YY" title="Expiry">
      </form>`);
    const a = describeField(doc.getElementById('a')!);
    expect(a).toMatchObject({ tag: 'input', type: 'text', name: 'n1', id: 'a', autocomplete: 'off', label: 'Card number', maxLength: 19, inputMode: 'numeric' });
    expect(describeField(doc.getElementById('b')!).label).toBe('Name');
    expect(describeField(doc.getElementById('c')!).label).toBe('Security code');
    expect(describeField(doc.getElementById('d')!)).toMatchObject({ label: '有效期', placeholder: 'MM/YY', title: 'Expiry' });
  });

  it('reads nearby text: a table header cell, a dt, a span; not the hint after the previous field', () => {
    const doc = load(`
      <form><table>
        <tr><th>CVN2</th><td><input id="cvn"> <span>卡背面末三位</span></td></tr>
        <tr><th>持卡人姓名</th><td><input id="holder"></td></tr>
      </table>
      <dl><dt>カード番号</dt><dd><input id="jp"></dd></dl>
      <div><span>身份证号码</span><input id="id"></div></form>`);
    expect(describeField(doc.getElementById('cvn')!).nearby).toBe('CVN2');
    expect(describeField(doc.getElementById('holder')!).nearby).toBe('持卡人姓名');
    expect(describeField(doc.getElementById('jp')!).nearby).toBe('カード番号');
    expect(describeField(doc.getElementById('id')!).nearby).toBe('身份证号码');
  });

  it('gives split boxes the row label and counts the group', () => {
    const doc = load(`<form><div><label for="c1">信用卡卡號</label>
      <input id="c1" maxlength="4"> - <input id="c2" maxlength="4"> - <input id="c3" maxlength="4"> - <input id="c4" maxlength="4"></div></form>`);
    const d3 = describeField(doc.getElementById('c3')!);
    expect(d3.groupSize).toBe(4);
    expect(d3.groupLabel).toContain('信用卡卡號');
    expect(classifyElement(doc.getElementById('c3')!)).toBe('card-number');
  });

  it('reads the first and last option texts of a select, and never a value', () => {
    const doc = load(`<form><select id="s"><option>MM</option>${Array.from({ length: 12 }, (_, i) => `<option>${String(i + 1).padStart(2, '0')}</option>`).join('')}</select>
      <input id="v" value="4111111111111111"></form>`);
    const s = describeField(doc.getElementById('s')!);
    expect(s.options).toEqual(['MM', '01', '02', '03', '04', '05', '11', '12']);
    expect(s.optionCount).toBe(13);
    expect(JSON.stringify(describeField(doc.getElementById('v')!))).not.toContain('4111');
  });

  it('describes contenteditable boxes and flags an image beside a code box', () => {
    const doc = load(`<div contenteditable="true" id="ce" aria-label="Reason"></div>
      <div><label for="cap">验证码</label><input id="cap" maxlength="4"><img alt="验证码图片" src="x.png"></div>`);
    expect(describeField(doc.getElementById('ce')!)).toMatchObject({ tag: 'div', contentEditable: true, label: 'Reason' });
    const cap = describeField(doc.getElementById('cap')!);
    expect(cap.imageNearby).toBe(true);
    expect(classifyField(cap, { cardContext: false })).toBeNull();
  });
});

describe('formContext', () => {
  it('is true in a form with a card-number or CVC field, false elsewhere', () => {
    const doc = load(`
      <form id="pay"><input name="cardNumber"><select id="m" name="m"><option>01</option></select></form>
      <form id="dob"><input name="name"><select id="m2"><option>01</option></select></form>`);
    expect(formContext(doc.getElementById('m')!).cardContext).toBe(true);
    expect(formContext(doc.getElementById('m2')!).cardContext).toBe(false);
  });

  it('uses the nearest container with several controls when there is no <form>', () => {
    const doc = load(`
      <div id="pay"><div><label for="n">Card number</label><input id="n"></div><div><input id="e" placeholder="Expires"></div><div><input id="x"></div></div>
      <div id="other"><div><input id="q"></div><div><input id="r"></div><div><input id="t" placeholder="Expires"></div></div>`);
    expect(formContext(doc.getElementById('e')!).cardContext).toBe(true);
    expect(classifyElement(doc.getElementById('e')!)).toBe('card-expiry');
    expect(formContext(doc.getElementById('t')!).cardContext).toBe(false);
    expect(classifyElement(doc.getElementById('t')!)).toBeNull();
  });
});
