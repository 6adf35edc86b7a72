import { formatLocal, plural, relativeTime, upcomingLabel } from '../lib/format';
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
          <dt>When</dt>
          <dd>{formatLocal(exchange.exchangeAt)}</dd>
        </div>
        <div>
          <dt>People</dt>
          <dd>{plural(exchange.participantCount, 'participant', 'participants')}</dd>
        </div>
        <div>
          <dt>Next</dt>
          <dd>{nextJob ? `${upcomingLabel(nextJob)} · ${relativeTime(nextJob.dueAt, now)}` : 'Nothing scheduled'}</dd>
        </div>
      </dl>
    </li>
  );
}
