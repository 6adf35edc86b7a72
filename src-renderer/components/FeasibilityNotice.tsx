import { modeLabel, type MatchModeName } from '../lib/format';
import { useT } from '../lib/i18n';
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
  const t = useT();
  if (!check) return <p className="muted">{t.t('parts.feasibility.checking')}</p>;
  if (check.feasible) {
    return (
      <Notice tone="success" title={t.t('parts.feasibility.ok')} announce={announce}>
        {t.t('parts.feasibility.okDetail', { count: check.participantCount, mode: modeLabel(check.mode, t) })}
      </Notice>
    );
  }
  const others = check.feasibleModes.filter((m: MatchModeName) => m !== check.mode);
  return (
    <Notice tone="error" title={t.t('parts.feasibility.notYet')} announce={announce}>
      <div className="stack stack--tight">
        <p>{check.reason}</p>
        {check.participantIds.length > 0 && (
          <ul className="chips" aria-label={t.t('parts.feasibility.involved')}>
            {check.participantIds.map((id) => (
              <li key={id} className="chip chip--flagged">
                {names.get(id) ?? `#${id}`}
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <p>
            {t.t('parts.feasibility.otherModes', {
              modes: t.list(
                others.map((m) => modeLabel(m, t)),
                'disjunction',
              ),
            })}
          </p>
        )}
      </div>
    </Notice>
  );
}
