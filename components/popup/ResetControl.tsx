// Reset one carrier's progress, after a confirm step. Focus moves to the safe choice ("keep")
// when the question appears, and back to the reset button when it goes; Escape keeps.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../utils/types';
import { pt } from './texts';

export function ResetControl({ lang, carrierName, onReset }: { lang: Language; carrierName: string; onReset: () => void }) {
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) keepRef.current?.focus();
    else if (wasAsking.current) resetRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="reset" ref={resetRef} onClick={() => setAsking(true)}>
        {pt('reset', lang, { carrier: carrierName })}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="reset-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setAsking(false);
        }
      }}
    >
      <p id="reset-question">{pt('resetQuestion', lang, { carrier: carrierName })}</p>
      <div class="row">
        <button type="button" ref={keepRef} onClick={() => setAsking(false)}>
          {pt('resetCancel', lang)}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            onReset();
            setAsking(false);
          }}
        >
          {pt('resetConfirm', lang)}
        </button>
      </div>
    </div>
  );
}
