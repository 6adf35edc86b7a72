import { useId, useState } from 'react';
import '../../components/draw.css';
import type { MessageKey } from '@i18n';
import { Notice } from '../../components/Notice';
import { useT } from '../../lib/i18n';
import type { Settings } from '../../stores/settings';
import { useSettings } from '../../stores/settings';

type Choice = Settings['signupNotices'];

const CHOICES: ReadonlyArray<{ value: Choice; label: MessageKey; hint: MessageKey }> = [
  { value: 'each', label: 'admin.notices.each', hint: 'admin.notices.eachHint' },
  { value: 'daily', label: 'admin.notices.daily', hint: 'admin.notices.dailyHint' },
];

/** How the organizer hears of sign-ups: saved as soon as it is chosen. */
export function NoticesSection({ settings }: { settings: Settings }) {
  const { t } = useT();
  const name = useId();
  // Shown chosen at once; put back if saving fails.
  const [chosen, setChosen] = useState<Choice>(settings.signupNotices);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const choose = async (value: Choice) => {
    setStatus(null);
    setChosen(value);
    const result = await useSettings.getState().update({ signupNotices: value });
    if (!result.ok) setChosen(settings.signupNotices);
    setStatus(result.ok ? { tone: 'success', text: t('admin.common.saved') } : { tone: 'error', text: result.error.message });
  };
  return (
    <div className="stack">
      <fieldset className="modes">
        <legend>{t('admin.notices.legend')}</legend>
        {CHOICES.map((choice) => {
          const id = `${name}-${choice.value}`;
          const on = chosen === choice.value;
          return (
            <div key={choice.value} className={`mode ${on ? 'mode--on' : ''}`}>
              <input id={id} type="radio" name={name} value={choice.value} checked={on} onChange={() => void choose(choice.value)} aria-describedby={`${id}-hint`} />
              <label htmlFor={id}>
                <span className="mode__label">{t(choice.label)}</span>
                <span className="mode__hint" id={`${id}-hint`}>
                  {t(choice.hint)}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      {status && <Notice tone={status.tone}>{status.text}</Notice>}
    </div>
  );
}
