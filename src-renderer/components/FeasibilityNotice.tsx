import { modeLabel, plural, type MatchModeName } from '../lib/format';
import type { DrawCheck } from '../stores/rules';
import { Notice } from './Notice';
import './ui.css';

export interface FeasibilityNoticeProps {
  check: DrawCheck | null;
  names: ReadonlyMap<number, string>;
  /** False when the same answer is also shown (and announced) next to the change that caused it. */
  announce?: boolean;
}

/** The live answer to "can names be drawn now?", naming the people in the way. */
export function FeasibilityNotice({ check, names, announce = true }: FeasibilityNoticeProps) {
  if (!check) return <p className="muted">Checking whether names can be drawn…</p>;
  if (check.feasible) {
    return (
      <Notice tone="success" title="Names can be drawn with these rules." announce={announce}>
        {plural(check.participantCount, 'person', 'people')}, {modeLabel(check.mode).toLowerCase()}.
      </Notice>
    );
  }
  const others = check.feasibleModes.filter((m: MatchModeName) => m !== check.mode);
  return (
    <Notice tone="error" title="Names cannot be drawn yet." announce={announce}>
      <div className="stack stack--tight">
        <p>{check.reason}</p>
        {check.participantIds.length > 0 && (
          <ul className="chips" aria-label="People involved">
            {check.participantIds.map((id) => (
              <li key={id} className="chip chip--flagged">
                {names.get(id) ?? `#${id}`}
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && <p>It would work as: {others.map((m) => modeLabel(m)).join(' or ')}. Choose that on the Draw tab, or change the rules.</p>}
      </div>
    </Notice>
  );
}
