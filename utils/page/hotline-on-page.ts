// The carrier's hotline number where the page shows it (its contact page): on the hotline route,
// step 2 is "call the hotline", and the ring points at the number the carrier itself publishes.
// A page reader: a tel: link first, else the element whose own text holds the number. The numbers
// come from the carrier data (never from the page), so a page cannot make us ring a number of its own.

/** "2945 8888" -> a pattern that finds it written with spaces, hyphens or none, not inside a longer number. */
function numberPattern(number: string): RegExp | null {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return new RegExp(`(?<!\\d)${digits.split('').join('[\\s\\-\\u00a0]?')}(?!\\d)`);
}

/** At most this many text nodes are read: a contact page shows its hotline near the top. */
const TEXT_NODES = 4000;

export function findHotlineElement(doc: Document, numbers: readonly string[]): Element | null {
  const patterns = numbers.map(numberPattern).filter((p): p is RegExp => p !== null);
  if (!patterns.length || !doc.body) return null;
  for (const link of Array.from(doc.querySelectorAll('a[href^="tel:" i]'))) {
    const href = decodeURIComponent(link.getAttribute('href') ?? '').slice(4);
    if (patterns.some((p) => p.test(href) || p.test(link.textContent ?? ''))) return link;
  }
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = 0, node = walker.nextNode(); node && n < TEXT_NODES; n++, node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(script|style|noscript|template|textarea|option)$/i.test(parent.localName)) continue;
    if (patterns.some((p) => p.test((node as Text).data))) return parent;
  }
  return null;
}
