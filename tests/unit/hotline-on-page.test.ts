// The carrier's hotline where a page shows it: the ring's target on the hotline route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carrierById } from '../../utils/carriers';
import { findHotlineElement } from '../../utils/page/hotline-on-page';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
}

const CMHK = carrierById('cmhk').hotlines.map((h) => h.number);

describe('findHotlineElement', () => {
  it('finds the practice contact page\'s number, in both languages', () => {
    for (const lang of ['tc', 'en']) {
      const html = readFileSync(join(__dirname, '../fixtures/practice-site', lang, 'contact.html'), 'utf8');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(findHotlineElement(doc, CMHK)?.id).toBe('hotline-number');
    }
  });

  it('prefers a tel: link, written any way', () => {
    const doc = page('<p>Call <b>1 2 5 8 0</b></p><a id="t" href="tel:%2B852-12580">call us</a>');
    expect(findHotlineElement(doc, CMHK)?.id).toBe('t');
  });

  it('finds the number in plain text with spaces or hyphens', () => {
    const doc = page('<p>Opening hours 9-18</p><p id="n">Loss reports: 2945-8888</p>');
    expect(findHotlineElement(doc, CMHK)?.id).toBe('n');
  });

  it('does not take the number inside a longer one, in a script, or a number the data does not hold', () => {
    expect(findHotlineElement(page('<p>Order 9125801</p>'), CMHK)).toBeNull();
    expect(findHotlineElement(page('<script>var n = "12580"</script><p>no number</p>'), CMHK)).toBeNull();
    expect(findHotlineElement(page('<p>Call 1234 5678 to cancel</p>'), CMHK)).toBeNull();
  });

  it('needs numbers from the data: none or too short finds nothing', () => {
    expect(findHotlineElement(page('<p>12580</p>'), [])).toBeNull();
    expect(findHotlineElement(page('<p>999</p>'), ['999'])).toBeNull();
  });
});
