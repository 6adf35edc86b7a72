import { useEffect } from 'react';
import { Card } from '../components/Card';
import { EmptyState } from '../components/EmptyState';
import { ExchangeCard } from '../components/ExchangeCard';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/PageHead';
import '../components/exchanges.css';
import { now } from '../lib/now';
import { useExchanges } from '../stores/exchanges';
import { nextJobByExchange, useJobs } from '../stores/jobs';

/** Home: every exchange with its state and what happens next; an empty state says where to start. */
export function ExchangesPage() {
  const list = useExchanges((s) => s.list);
  const error = useExchanges((s) => s.error);
  const upcoming = useJobs((s) => s.upcoming);
  useEffect(() => {
    void useExchanges.getState().load();
    void useJobs.getState().load();
  }, []);
  const next = nextJobByExchange(upcoming ?? []);
  const newButton = (
    <a className="btn btn--primary" href="#/exchanges/new">
      New exchange
    </a>
  );

  return (
    <>
      <PageHead
        title="Exchanges"
        sub="Each exchange is one Secret Santa: invite people, draw names, and the app sends the emails."
        actions={list && list.length > 0 ? newButton : undefined}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {list && list.length === 0 && (
        <Card title="Nothing here yet">
          <EmptyState
            icon="gift"
            title="Create your first exchange"
            text="Give it a name and a date. Then add people yourself or share an invite link, draw names, and Sneaky Klaus emails everyone whom they give a present to."
            action={
              <a className="btn btn--primary" href="#/exchanges/new">
                Create your first exchange
              </a>
            }
          />
        </Card>
      )}
      {list && list.length > 0 && (
        <ul className="xgrid" aria-label="Your exchanges">
          {list.map((exchange) => (
            <ExchangeCard key={exchange.id} exchange={exchange} nextJob={next.get(exchange.id)} now={now()} />
          ))}
        </ul>
      )}
    </>
  );
}
