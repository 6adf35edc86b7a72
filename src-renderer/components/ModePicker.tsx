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
  return (
    <fieldset className="modes" disabled={props.disabled}>
      <legend>How should names be drawn?</legend>
      {MODES.map((mode) => {
        const possible = props.feasible === null || props.feasible.includes(mode);
        const id = `${name}-${mode}`;
        return (
          <div key={mode} className={`mode ${props.value === mode ? 'mode--on' : ''}`}>
            <input id={id} type="radio" name={name} value={mode} checked={props.value === mode} onChange={() => props.onChange(mode)} aria-describedby={`${id}-hint`} />
            <label htmlFor={id}>
              <span className="mode__label">
                {modeLabel(mode)}
                {!possible && <span className="badge badge--bad">Not possible with these rules</span>}
                {mode === 'single-loop' && possible && <span className="badge badge--ok">Recommended</span>}
              </span>
              <span className="mode__hint" id={`${id}-hint`}>
                {modeHint(mode)}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
