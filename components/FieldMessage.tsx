// The one place on the page that carries data-field-kind: the message about the focused field.
import { t } from '../utils/i18n';
import type { Language } from '../utils/types';
import type { FieldMessageState } from './panel-state';

export function FieldMessage({ field, lang }: { field: FieldMessageState; lang: Language }) {
  const warn = field.severity === 'warn';
  return (
    <div
      class={`field-message ${field.severity}`}
      data-field-kind={field.kind}
      data-severity={field.severity}
      role={warn ? 'alert' : 'status'}
    >
      <strong>{t(warn ? 'warningTitle' : 'noteTitle', lang)}</strong>{' '}
      {t(`field-${field.kind}-${field.severity}`, lang)}
    </div>
  );
}
