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
import { formatLocal, plural } from '../lib/format';
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
      setMessage(
        result.ok
          ? { tone: 'success', text: 'The draw was undone. Registration is closed; you can change things and draw again.', state: result.value.state }
          : { tone: 'error', text: result.error.message },
      );
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
    if (result.ok) setMessage({ tone: 'success', text: 'The draw was undone. Tell the people who already got their match email.', state: result.value.state });
    else setMessage({ tone: 'error', text: 'error' in result ? result.error.message : result.message });
  };

  const cancelPending = useCallback(() => setPending(null), []);
  const cancelUndo = useCallback(() => setUndoWarning(null), []);

  if (!exchange) {
    return (
      <>
        <PageHead title={error ? 'Exchange not found' : 'Loading…'} before={<BackLink />} />
        {error && <Notice tone="error">{error}</Notice>}
      </>
    );
  }

  const href = (t: ExchangeTab) => routeHref({ page: 'exchange', exchangeId, tab: t });
  const copy = pending ? ACTION_COPY[pending] : null;
  return (
    <div className="stack">
      <PageHead
        before={<BackLink />}
        title={exchange.name}
        sub={
          <span className="facts">
            <StateBadge state={exchange.state} />
            <span>{formatLocal(exchange.exchangeAt)}</span>
            <span>{exchange.timezone}</span>
            <span>{plural(exchange.participantCount, 'participant', 'participants')}</span>
          </span>
        }
        actions={<ActionBar allowed={exchange.allowedActions} hidden={tab === 'draw' ? ['draw'] : []} busy={busy} onChoose={choose} />}
      />
      {message && (!message.state || message.state === exchange.state) && <Notice tone={message.tone}>{message.text}</Notice>}
      <Tabs
        label="Exchange sections"
        current={tab}
        tabs={[
          { id: 'overview', label: 'Overview', href: href('overview') },
          { id: 'participants', label: `Participants (${exchange.participantCount})`, href: href('participants') },
          { id: 'rules', label: 'Exclusions', href: href('rules') },
          { id: 'draw', label: 'Draw', href: href('draw') },
          { id: 'everyone', label: 'Cards & table', href: href('everyone') },
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
          title="People were already told"
          confirmLabel="Undo anyway"
          cancelLabel="Keep the draw"
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
  return (
    <a className="back-link" href="#/exchanges">
      ← All exchanges
    </a>
  );
}
