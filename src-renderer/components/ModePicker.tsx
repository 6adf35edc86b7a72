import { useT } from '../lib/i18n';
import { useId } from 'react';
import { modeHint, modeLabel, type MatchModeName } from '../lib/format';
import './draw.css';

export interface ModePickerProps {
  value: MatchModeName;
  /** Modes that work with the current rules (from the feasibility check); null while unknown. */
  feasible: readonly MatchModeName[] | null;
  disabled?: boolean;
  onChange(mode: MatchModeName): void;
}

const MODES: MatchModeName[] = ['single-loop', 'no-mutual', 'any'];

/** How names are drawn; modes the rules make impossible are marked. */
export function ModePicker(props: ModePickerProps) {
  const name = useId();
  const t = useT();
  return (
    <fieldset className="modes" disabled={props.disabled}>
      <legend>{t.t('parts.mode.legend')}</legend>
      {MODES.map((mode) => {
        const possible = props.feasible === null || props.feasible.includes(mode);
        const id = `${name}-${mode}`;
        return (
          <div key={mode} className={`mode ${props.value === mode ? 'mode--on' : ''}`}>
            <input id={id} type="radio" name={name} value={mode} checked={props.value === mode} onChange={() => props.onChange(mode)} aria-describedby={`${id}-hint`} />
            <label htmlFor={id}>
              <span className="mode__label">
                {modeLabel(mode, t)}
                {!possible && <span className="badge badge--bad">{t.t('parts.mode.notPossible')}</span>}
                {mode === 'single-loop' && possible && <span className="badge badge--ok">{t.t('parts.mode.recommended')}</span>}
              </span>
              <span className="mode__hint" id={`${id}-hint`}>
                {modeHint(mode, t)}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
