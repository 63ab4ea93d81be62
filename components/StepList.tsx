// The five steps; the one this page matches carries aria-current="step".
import { carrierStepText, GUIDE, localize } from '../utils/guide';
import { t } from '../utils/i18n';
import type { CardProgress, Carrier, Language, StepId } from '../utils/types';
import { ContactLine } from './ContactLine';

interface Props {
  carrier: Carrier;
  lang: Language;
  current: StepId | null;
  card: CardProgress | null;
  onMark(step: StepId, done: boolean): void;
}

export function StepList({ carrier, lang, current, card, onMark }: Props) {
  return (
    <ol class="steps">
      {GUIDE.steps.map((step, index) => {
        const isCurrent = step.id === current;
        const done = card?.stepsDone.includes(step.id) ?? false;
        const reached = card?.stepsReached.includes(step.id) ?? false;
        const specific = carrierStepText(carrier, step.id);
        const checkboxId = `step-done-${step.id}`;
        return (
          <li
            key={step.id}
            data-step-id={step.id}
            aria-current={isCurrent ? 'step' : undefined}
            class={`step${isCurrent ? ' current' : ''}${done ? ' done' : ''}`}
          >
            <div class="step-head">
              <span class="step-number" aria-hidden="true">{index + 1}</span>
              <span class="step-title">{localize(step.title, lang)}</span>
              {reached && !done ? <span class="reached">{t('reached', lang)}</span> : null}
              <span class="step-done">
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked={done}
                  data-step-done={step.id}
                  onChange={(e) => onMark(step.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label for={checkboxId}>{t('markDone', lang)}</label>
              </span>
            </div>
            {/* The current step is spelled out above, under "On this page": keep the list short. */}
            <details>
              <summary>{t('whatToDo', lang)}</summary>
              <p>{localize(specific ?? step.do, lang)}</p>
              {specific ? null : <ContactLine carrier={carrier} lang={lang} />}
              <p class="label">{t('looksLike', lang)}</p>
              <p>{localize(step.looksLike, lang)}</p>
              <p class="label never">{t('neverType', lang)}</p>
              <p>{localize(step.neverType, lang)}</p>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
