import { useCallback, useEffect, useState } from 'react';
import { ActionBar } from '../components/ActionBar';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/PageHead';
import { StateBadge } from '../components/StateBadge';
import { Tabs } from '../components/Tabs';
import '../components/exchanges.css';
import { navigate } from '../app/use-route';
import { ACTION_COPY, type ExchangeAction } from '../lib/exchange-copy';
import { useT } from '../lib/i18n';
import { routeHref, type ExchangeTab } from '../lib/route';
import { useExchange } from '../stores/exchange';
import { useParticipants } from '../stores/participants';
import { useRules } from '../stores/rules';
import { EveryoneTab } from './exchange/EveryoneTab';
import { useEveryone } from '../stores/everyone';
import { DrawTab } from './exchange/DrawTab';
import { OverviewTab } from './exchange/OverviewTab';
import { ParticipantsTab } from './exchange/ParticipantsTab';
import { RulesTab } from './exchange/RulesTab';

/** A result line; one about a state change is shown only while the exchange is in that state. */
type Message = { tone: 'success' | 'error'; text: string; state?: string } | null;

/** One exchange: its state actions in the header, and four tabs for the work. */
export function ExchangePage(props: { exchangeId: number; tab: ExchangeTab }) {
  const { t, shortDateTime } = useT();
  const { exchangeId, tab } = props;
  const exchange = useExchange((s) => (s.exchangeId === exchangeId ? s.exchange : null));
  const error = useExchange((s) => s.error);
  const [pending, setPending] = useState<ExchangeAction | null>(null);
  const [undoWarning, setUndoWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    void useExchange.getState().open(exchangeId);
    void useParticipants.getState().open(exchangeId);
    void useRules.getState().open(exchangeId);
    void useEveryone.getState().open(exchangeId);
    setMessage(null);
  }, [exchangeId]);
  // A result line belongs to the screen where the action was; another tab is other work.
  useEffect(() => setMessage(null), [tab]);

  const choose = (action: ExchangeAction) => {
    if (action === 'draw') return navigate(routeHref({ page: 'exchange', exchangeId, tab: 'draw' }));
    setMessage(null);
    setPending(action);
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const store = useExchange.getState();
    if (pending === 'undo-draw') {
      const result = await store.undoDraw(false);
      setBusy(false);
      setPending(null);
      if ('needsConfirm' in result) return setUndoWarning(result.message);
      setMessage(result.ok ? { tone: 'success', text: t('admin.exchange.undone'), state: result.value.state } : { tone: 'error', text: result.error.message });
      return;
    }
    if (pending === 'complete' || pending === 'draw') return setBusy(false);
    const result = await store.transition(pending);
    setBusy(false);
    setPending(null);
    setMessage(result.ok ? { tone: 'success', text: ACTION_COPY[pending].done, state: result.value.state } : { tone: 'error', text: result.error.message });
  };

  const confirmUndo = async () => {
    setBusy(true);
    const result = await useExchange.getState().undoDraw(true);
    setBusy(false);
    setUndoWarning(null);
    if (result.ok) setMessage({ tone: 'success', text: t('admin.exchange.undoneTold'), state: result.value.state });
    else setMessage({ tone: 'error', text: 'error' in result ? result.error.message : result.message });
  };

  const cancelPending = useCallback(() => setPending(null), []);
  const cancelUndo = useCallback(() => setUndoWarning(null), []);

  if (!exchange) {
    return (
      <>
        <PageHead title={error ? t('admin.exchange.notFound') : t('admin.app.loading')} before={<BackLink />} />
        {error && <Notice tone="error">{error}</Notice>}
      </>
    );
  }

  const href = (to: ExchangeTab) => routeHref({ page: 'exchange', exchangeId, tab: to });
  const copy = pending ? ACTION_COPY[pending] : null;
  return (
    <div className="stack">
      <PageHead
        before={<BackLink />}
        title={exchange.name}
        sub={
          <span className="facts">
            <StateBadge state={exchange.state} />
            <span>{wallClock(exchange.exchangeAt, shortDateTime)}</span>
            <span>{exchange.timezone}</span>
            <span>{t('admin.exchange.participantCount', { count: exchange.participantCount })}</span>
          </span>
        }
        actions={<ActionBar allowed={exchange.allowedActions} hidden={tab === 'draw' ? ['draw'] : []} busy={busy} onChoose={choose} />}
      />
      {message && (!message.state || message.state === exchange.state) && <Notice tone={message.tone}>{message.text}</Notice>}
      <Tabs
        label={t('admin.exchange.tabs')}
        current={tab}
        tabs={[
          { id: 'overview', label: t('admin.exchange.tabOverview'), href: href('overview') },
          { id: 'participants', label: t('admin.exchange.tabParticipants', { count: exchange.participantCount }), href: href('participants') },
          { id: 'rules', label: t('admin.exchange.tabRules'), href: href('rules') },
          { id: 'draw', label: t('admin.exchange.tabDraw'), href: href('draw') },
          { id: 'everyone', label: t('admin.exchange.tabEveryone'), href: href('everyone') },
        ]}
      />
      {tab === 'overview' && <OverviewTab exchange={exchange} />}
      {tab === 'participants' && <ParticipantsTab exchange={exchange} />}
      {tab === 'rules' && <RulesTab exchange={exchange} />}
      {tab === 'draw' && <DrawTab exchange={exchange} />}
      {tab === 'everyone' && <EveryoneTab exchange={exchange} />}
      {copy && (
        <ConfirmDialog
          title={copy.title}
          confirmLabel={copy.confirm}
          cancelLabel={copy.keep}
          danger={copy.tone === 'danger'}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={cancelPending}
        >
          {copy.body}
        </ConfirmDialog>
      )}
      {undoWarning && (
        <ConfirmDialog
          title={t('admin.exchange.undoToldTitle')}
          confirmLabel={t('admin.exchange.undoAnyway')}
          cancelLabel={t('admin.exchange.keepDraw')}
          danger
          busy={busy}
          onConfirm={() => void confirmUndo()}
          onCancel={cancelUndo}
        >
          {undoWarning}
        </ConfirmDialog>
      )}
    </div>
  );
}

function BackLink() {
  const { t } = useT();
  return (
    <a className="back-link" href="#/exchanges">
      {t('admin.exchange.back')}
    </a>
  );
}

/** The exchange's wall-clock time as the core sends it (`2026-12-24T18:00`, already in its zone). */
function wallClock(local: string, format: (at: number, timezone: string) => string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return format(Date.UTC(y, mo - 1, d, h, mi), 'UTC');
}
