import { useT } from '../lib/i18n';
import type { LinkReach } from '../lib/reach';
import './lists.css';

export interface ReachChoicesProps {
  reach: LinkReach;
}

/** The three ways relatives can get their links, in plain words, with the usual best one marked. */
export function ReachChoices({ reach }: ReachChoicesProps) {
  const t = useT();
  const tunnelRecommended = reach !== 'anywhere';
  return (
    <div className="subsection">
      <h3>{t.t('parts.reachChoices.title')}</h3>
      <ul className="reach-choices">
        <li>
          <strong>{t.t('parts.reachChoices.wifi')}</strong>
          <span className="muted">{t.t('parts.reachChoices.wifiText')}</span>
        </li>
        <li className={tunnelRecommended ? 'reach-choices__recommended' : undefined}>
          <strong>
            {t.t('parts.reachChoices.tunnel')}
            {tunnelRecommended && <span className="badge badge--ok">{t.t('parts.mode.recommended')}</span>}
          </strong>
          <span className="muted">{t.t('parts.reachChoices.tunnelText')}</span>
        </li>
        <li>
          <strong>{t.t('parts.reachChoices.cards')}</strong>
          <span className="muted">{t.t('parts.reachChoices.cardsText')}</span>
        </li>
      </ul>
    </div>
  );
}
