import { formatLocal, relativeTime, upcomingLabel } from '../lib/format';
import { useT } from '../lib/i18n';
import { routeHref } from '../lib/route';
import type { ExchangeSummary } from '../stores/exchanges';
import type { UpcomingJob } from '../stores/jobs';
import { StateBadge } from './StateBadge';
import './exchanges.css';

export interface ExchangeCardProps {
  exchange: ExchangeSummary;
  nextJob: UpcomingJob | undefined;
  now: number;
}

/** One exchange on the home screen: what it is, where it stands, and what happens next. */
export function ExchangeCard({ exchange, nextJob, now }: ExchangeCardProps) {
  const t = useT();
  return (
    <li className="xcard">
      <div className="xcard__top">
        <h2 className="xcard__name">
          <a href={routeHref({ page: 'exchange', exchangeId: exchange.id, tab: 'overview' })}>{exchange.name}</a>
        </h2>
        <StateBadge state={exchange.state} />
      </div>
      <dl className="xcard__facts">
        <div>
          <dt>{t.t('parts.card.when')}</dt>
          <dd>{formatLocal(exchange.exchangeAt, t)}</dd>
        </div>
        <div>
          <dt>{t.t('parts.card.people')}</dt>
          <dd>{t.t('parts.card.participants', { count: exchange.participantCount })}</dd>
        </div>
        <div>
          <dt>{t.t('parts.card.next')}</dt>
          <dd>{nextJob ? t.t('parts.card.nextJob', { job: upcomingLabel(nextJob, t), when: relativeTime(nextJob.dueAt, now, t) }) : t.t('parts.card.nothingScheduled')}</dd>
        </div>
      </dl>
    </li>
  );
}
