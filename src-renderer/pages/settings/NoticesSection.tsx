import { useId, useState } from 'react';
import '../../components/draw.css';
import { Notice } from '../../components/Notice';
import type { Settings } from '../../stores/settings';
import { useSettings } from '../../stores/settings';

type Choice = Settings['signupNotices'];

const CHOICES: ReadonlyArray<{ value: Choice; label: string; hint: string }> = [
  { value: 'each', label: 'One email for each sign-up', hint: 'As soon as someone signs up with the invite link.' },
  {
    value: 'daily',
    label: 'One digest a day',
    hint: 'Every day at 18:00 UTC, one email listing that day’s sign-ups for each exchange. Nothing is sent on a day without any.',
  },
];

/** How the organizer hears of sign-ups: saved as soon as it is chosen. */
export function NoticesSection({ settings }: { settings: Settings }) {
  const name = useId();
  // Shown chosen at once; put back if saving fails.
  const [chosen, setChosen] = useState<Choice>(settings.signupNotices);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const choose = async (value: Choice) => {
    setStatus(null);
    setChosen(value);
    const result = await useSettings.getState().update({ signupNotices: value });
    if (!result.ok) setChosen(settings.signupNotices);
    setStatus(result.ok ? { tone: 'success', text: 'Saved.' } : { tone: 'error', text: result.error.message });
  };
  return (
    <div className="stack">
      <fieldset className="modes">
        <legend>When people sign up</legend>
        {CHOICES.map((choice) => {
          const id = `${name}-${choice.value}`;
          const on = chosen === choice.value;
          return (
            <div key={choice.value} className={`mode ${on ? 'mode--on' : ''}`}>
              <input id={id} type="radio" name={name} value={choice.value} checked={on} onChange={() => void choose(choice.value)} aria-describedby={`${id}-hint`} />
              <label htmlFor={id}>
                <span className="mode__label">{choice.label}</span>
                <span className="mode__hint" id={`${id}-hint`}>
                  {choice.hint}
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
