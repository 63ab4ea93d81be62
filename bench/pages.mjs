// Generated benchmark pages, served under the carrier's real hostname (see run.mjs). They are
// real-shaped: labelled rows in forms of 20, a mix of ordinary and sensitive controls, texts in
// Traditional Chinese and English, as a carrier's account and payment pages have them.

const HEAD = (title) => `<!doctype html>
<html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>${title} · benchmark (not a carrier)</title>
<style>body{font:14px system-ui;margin:16px}.row{display:flex;gap:8px;margin:2px 0}label{min-width:160px}</style></head>
<body><p>Benchmark page — not China Mobile Hong Kong.</p>`;

const ORDINARY = [
  ['text', '姓名 Name', 'name'],
  ['email', '電郵地址 Email', 'email'],
  ['tel', '聯絡電話 Contact number', 'contact'],
  ['text', '地址 Address', 'address'],
  ['text', '備註 Remarks', 'remarks'],
];
const SENSITIVE = [
  ['tel', '信用卡號碼 Card number', 'cardNumber'],
  ['text', '保安編號 CVV', 'cvv'],
  ['password', '客戶密碼 Customer password', 'customerPassword'],
  ['text', '短訊驗證碼 SMS one-time code', 'smsCode'],
  ['text', '到期日 Expiry date (MM/YY)', 'expiry'],
];

/** One labelled control. Every 7th is a select, every 11th a textarea, every 5th a sensitive field. */
function control(i) {
  const id = `f${i}`;
  if (i % 7 === 3) {
    return `<div class="row"><label for="${id}">區域 District ${i}</label><select id="${id}" name="district${i}"><option>香港島</option><option>九龍</option><option>新界</option></select></div>`;
  }
  if (i % 11 === 5) {
    return `<div class="row"><label for="${id}">意見 Comments ${i}</label><textarea id="${id}" name="comments${i}"></textarea></div>`;
  }
  const [type, label, name] = i % 5 === 4 ? SENSITIVE[(i / 5) % SENSITIVE.length | 0] : ORDINARY[i % ORDINARY.length];
  return `<div class="row"><label for="${id}">${label}</label><input id="${id}" name="${name}${i}" type="${type}" placeholder="${label}"></div>`;
}

function forms(n, start = 0) {
  let html = '';
  for (let f = 0; f * 20 < n; f++) {
    html += `<form id="form${f}" action="#" onsubmit="return false"><fieldset><legend>表格 Form ${f}</legend>`;
    for (let i = f * 20; i < Math.min(n, f * 20 + 20); i++) html += control(start + i);
    html += '</fieldset></form>';
  }
  return html;
}

/** A page of `n` controls (the classification and memory benchmarks). */
export function controlsPage(n) {
  return `${HEAD(`${n} controls`)}<h1>帳戶資料 Account details</h1>${forms(n)}</body></html>`;
}

/** Alternating ordinary and sensitive fields (the focus benchmark focuses each sensitive one). */
export function focusPage(pairs) {
  let html = `${HEAD('focus')}<h1>付款 Payment</h1>`;
  for (let i = 0; i < pairs; i++) {
    const [otype, olabel, oname] = ORDINARY[i % ORDINARY.length];
    const [stype, slabel, sname] = SENSITIVE[i % SENSITIVE.length];
    html += `<form id="pair${i}" action="#" onsubmit="return false">
<div class="row"><label for="o${i}">${olabel}</label><input id="o${i}" name="${oname}${i}" type="${otype}" data-bench="ordinary"></div>
<div class="row"><label for="s${i}">${slabel}</label><input id="s${i}" name="${sname}${i}" type="${stype}" data-bench="sensitive"></div></form>`;
  }
  return `${html}</body></html>`;
}

/**
 * A page that inserts `nodes` elements in bursts after load (a single-page app rendering a long
 * list): each burst is a block of rows, one control in every eight elements. Sets
 * `window.__stormDone` (page world) when the last burst is in.
 */
export function stormPage(nodes, bursts) {
  const perBurst = Math.ceil(nodes / bursts);
  return `${HEAD('mutation storm')}<h1>通話記錄 Call history</h1><div id="list"></div>
<script>
window.__stormStart = () => new Promise((done) => {
  const list = document.getElementById('list');
  let made = 0, burst = 0;
  const step = () => {
    const block = document.createElement('section');
    let inBurst = 1;
    for (; inBurst < ${perBurst} && made + inBurst < ${nodes}; ) {
      const row = document.createElement('div');
      row.className = 'row';
      const label = document.createElement('label');
      const i = made + inBurst;
      label.htmlFor = 'm' + i;
      label.textContent = i % 40 === 0 ? '短訊驗證碼 SMS code' : '備註 Remark ' + i;
      const input = document.createElement('input');
      input.id = 'm' + i;
      input.name = 'remark' + i;
      const note = document.createElement('span');
      note.textContent = '2026-0' + (1 + (i % 9)) + '-1' + (i % 10) + ' 12:' + (10 + (i % 50));
      row.append(label, input, note);
      for (let k = 0; k < 4; k++) { const s = document.createElement('span'); s.textContent = ' · ' + k; row.append(s); }
      block.append(row);
      inBurst += 8;
    }
    list.append(block);
    made += inBurst;
    burst++;
    if (made < ${nodes}) setTimeout(step, 16); else done(burst);
  };
  step();
});
</script></body></html>`;
}
