// Where the collapsed tab sits on the right edge: the first spot with no page control under it.
const TAB_WIDTH = 40;
const TAB_HEIGHT = 96;
const CANDIDATES = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];
const INTERACTIVE = 'a[href],button,input,select,textarea,label,summary,[role=button],[role=link],[tabindex],[contenteditable=""],[contenteditable=true]';

function coversControl(doc: Document, host: Element, top: number): boolean {
  const width = doc.documentElement.clientWidth || doc.defaultView?.innerWidth || 0;
  const xs = [width - 4, width - TAB_WIDTH / 2, width - TAB_WIDTH + 2];
  const ys = [top + 2, top + TAB_HEIGHT / 2, top + TAB_HEIGHT - 2];
  for (const x of xs) {
    for (const y of ys) {
      for (const el of doc.elementsFromPoint(x, y)) {
        if (el === host || host.contains(el) || el === doc.documentElement || el === doc.body) continue;
        if (el.closest(INTERACTIVE)) return true;
      }
    }
  }
  return false;
}

export function chooseTabTop(doc: Document, host: Element): number {
  const height = doc.defaultView?.innerHeight ?? 600;
  const tops = CANDIDATES.map((f) => Math.round(f * height - TAB_HEIGHT / 2)).filter(
    (t) => t >= 8 && t + TAB_HEIGHT <= height - 8,
  );
  for (const top of tops) {
    if (!coversControl(doc, host, top)) return top;
  }
  return tops[0] ?? 8;
}
