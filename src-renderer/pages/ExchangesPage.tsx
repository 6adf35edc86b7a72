import { useEffect } from 'react';
import { Card } from '../components/Card';
import { EmptyState } from '../components/EmptyState';
import { ExchangeCard } from '../components/ExchangeCard';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/PageHead';
import '../components/exchanges.css';
import { useT } from '../lib/i18n';
import { now } from '../lib/now';
import { useExchanges } from '../stores/exchanges';
import { nextJobByExchange, useJobs } from '../stores/jobs';

/** Home: every exchange with its state and what happens next; an empty state says where to start. */
export function ExchangesPage() {
  const { t } = useT();
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
      {t('admin.exchanges.new')}
    </a>
  );

  return (
    <>
      <PageHead title={t('admin.exchanges.title')} sub={t('admin.exchanges.sub')} actions={list && list.length > 0 ? newButton : undefined} />
      {error && <Notice tone="error">{error}</Notice>}
      {list && list.length === 0 && (
        <Card title={t('admin.exchanges.emptyCard')}>
          <EmptyState
            icon="gift"
            title={t('admin.exchanges.emptyTitle')}
            text={t('admin.exchanges.emptyText')}
            action={
              <a className="btn btn--primary" href="#/exchanges/new">
                {t('admin.exchanges.emptyTitle')}
              </a>
            }
          />
        </Card>
      )}
      {list && list.length > 0 && (
        <ul className="xgrid" aria-label={t('admin.exchanges.listLabel')}>
          {list.map((exchange) => (
            <ExchangeCard key={exchange.id} exchange={exchange} nextJob={next.get(exchange.id)} now={now()} />
          ))}
        </ul>
      )}
    </>
  );
}
