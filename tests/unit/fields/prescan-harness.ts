// The top frame's ahead-of-focus classification in happy-dom: the focus guard's prescan with a
// background that answers as the real one (the message is validated by parseClassifyBatch and
// answered by classifyBatch, after a structured clone, asynchronously).
import { describeField, type FieldDescription } from '../../../utils/page/fields/read';
import type { Prescanner } from '../../../utils/page/fields/focus-guard';
import { classifyBatch, parseClassifyBatch } from '../../../utils/fields/remote';
import type { FieldKind } from '../../../utils/types';

export interface FakeBackground {
  prescan: Prescanner;
  /** Every batch sent, as sent (forms of descriptions). */
  batches: FieldDescription[][][];
  /** The answers delivered, per control (the last one wins). */
  kinds: Map<Element, FieldKind | null>;
  /** Batches sent whose answer has not been delivered yet. */
  pending(): number;
  /** Holds answers back until release() (to focus before an answer). */
  hold(): void;
  release(): void;
}

export function fakeBackground(): FakeBackground {
  let forms: FieldDescription[][] = [];
  let els: Element[] = [];
  const kinds = new Map<Element, FieldKind | null>();
  const batches: FieldDescription[][][] = [];
  let inFlight = 0;
  let held: (() => void)[] | null = null;
  return {
    batches,
    kinds,
    pending: () => inFlight,
    hold() {
      held = [];
    },
    release() {
      const list = held ?? [];
      held = null;
      for (const f of list) f();
    },
    prescan: {
      add(form) {
        forms.push(form.map(describeField));
        els.push(...form);
      },
      send(done) {
        const wire = structuredClone({ type: 'classify-fields', forms }) as Record<string, unknown>;
        batches.push(forms);
        const sent = els;
        forms = [];
        els = [];
        inFlight++;
        const parsed = parseClassifyBatch(wire);
        const answer = (): void => {
          inFlight--;
          const flat = parsed ? classifyBatch(parsed).kinds.flat() : null;
          if (flat) sent.forEach((el, i) => kinds.set(el, flat[i] ?? null));
          done(flat);
        };
        void Promise.resolve().then(() => (held ? held.push(answer) : answer()));
      },
    },
  };
}

/** Waits (real timers) until the first pass is sent and answered. */
export async function prescanSettled(bg: FakeBackground, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const marks = () => performance.getEntriesByName('sxg:classify-done').length;
  const before = marks();
  while (marks() === before) {
    if (Date.now() > until) throw new Error(`prescan not done (${bg.pending()} batches pending)`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

