// The one place on the page that carries data-field-kind: the message about the focused field.
import type { FieldMessageState } from './panel-state';
import type { Texts } from '../utils/texts';

export function FieldMessage({ field, texts: { t } }: { field: FieldMessageState; texts: Texts }) {
  const warn = field.severity === 'warn';
  return (
    <div
      class={`field-message ${field.severity}`}
      data-field-kind={field.kind}
      data-severity={field.severity}
      role={warn ? 'alert' : 'status'}
    >
      <strong>{t(warn ? 'warningTitle' : 'noteTitle')}</strong>{' '}
      {t(`field-${field.kind}-${field.severity}`)}
    </div>
  );
}
