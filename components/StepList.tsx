// The five steps on the card's route; the one this page matches carries aria-current="step", and
// each its state for the user (data-step-state: utils/step-state.ts). The `focus` step is the one
// the collapsed panel's compact card shows (CSS hides the others there), with its first line of text.
import { localize } from '../utils/language';
import { stepText } from '../utils/route';
import type { StepState } from '../utils/step-state';
import type { Carrier, RouteId, StepId } from '../utils/types';
import { ContactLine } from './ContactLine';
import type { Texts } from '../utils/texts';

interface Props {
  carrier: Carrier;
  texts: Texts;
  route: RouteId;
  current: StepId | null;
  /** The step the compact card shows: this page's, else the next one to do. */
  focus: StepId | null;
  /** The one line of a step's text the compact card shows. */
  brief(text: string): string;
  states: Record<StepId, StepState>;
  onMark(step: StepId, done: boolean): void;
}

export function StepList({ carrier, texts, route, current, focus, brief, states, onMark }: Props) {
  const { t, lang, guide } = texts;
  return (
    <ol class="steps">
      {guide.steps.map((step, index) => {
        const state = states[step.id];
        const text = stepText(guide, carrier, step, route);
        const checkboxId = `step-done-${step.id}`;
        return (
          <li
            key={step.id}
            data-step-id={step.id}
            data-step-state={state}
            aria-current={step.id === current ? 'step' : undefined}
            class={`step ${state}${step.id === focus ? ' focus' : ''}`}
          >
            <p class="step-of">{t('stepNumber', { n: index + 1 })}</p>
            <div class="step-head">
              <span class="step-number" aria-hidden="true">{index + 1}</span>
              <span class="step-title">{localize(text.title, lang)}</span>
              <span class="step-done">
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked={state === 'done'}
                  data-step-done={step.id}
                  aria-label={t('markDoneName', { n: index + 1 })}
                  onChange={(e) => onMark(step.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label for={checkboxId}>{t('markDone')}</label>
              </span>
            </div>
            <p class="brief">{brief(localize(text.do, lang))}</p>
            {/* The current step is spelled out above, under "On this page": keep the list short. */}
            <details>
              <summary>{t('whatToDoStep', { n: index + 1 })}</summary>
              <p class="do">{localize(text.do, lang)}</p>
              {text.specific ? null : <ContactLine carrier={carrier} texts={texts} />}
              <p class="label">{t('looksLike')}</p>
              <p>{localize(step.looksLike, lang)}</p>
              <p class="label never">{t('neverType')}</p>
              <p>{localize(step.neverType, lang)}</p>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
