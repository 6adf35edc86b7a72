import { useCallback, useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { MessageView } from '../components/MessageView';
import { Notice } from '../components/Notice';
import { OutboxFilter } from '../components/OutboxFilter';
import { OutboxList } from '../components/OutboxList';
import { PageHead } from '../components/PageHead';
import { SendingProgress } from '../components/SendingProgress';
import '../components/outbox.css';
import { copyText } from '../lib/download';
import { previewHtml } from '../lib/email-preview';
import { now } from '../lib/now';
import { matchesFilter, STATUS_FILTERS, useOutbox } from '../stores/outbox';

/** Every email the app wrote: filter by status, read, copy links, resend, pause sending. */
export function OutboxPage() {
  const { items, status, selected, filter, batch, error } = useOutbox();
  const [revealedId, setRevealedId] = useState<number | null>(null);
  const [askReveal, setAskReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void useOutbox.getState().load();
  }, []);
  const cancelReveal = useCallback(() => setAskReveal(false), []);

  const act = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: done } : { tone: 'error', text: result.error?.message ?? 'That did not work.' });
  };
  const store = useOutbox.getState;
  const shown = (items ?? []).filter((item) => matchesFilter(item, filter));
  const failed = status?.counts.failed ?? 0;

  const sub =
    status && !status.smtpConfigured ? (
      <>
        Mail is not set up yet: emails wait here as previews and you can copy their links. <a href="#/settings">Set up email</a> to send them.
      </>
    ) : (
      'Emails are sent in the background and retried when the mail server has trouble.'
    );

  return (
    <>
      <PageHead
        title="Outbox"
        sub={sub}
        actions={
          <>
            {failed > 0 && (
              <button type="button" className="btn" disabled={busy} onClick={() => void act(() => store().retryFailed(), 'Failed emails are queued again.')}>
                Retry failed ({failed})
              </button>
            )}
            {status?.smtpConfigured && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void act(() => store().setPaused(!status.paused), status.paused ? 'Sending resumed.' : 'Sending paused.')}
              >
                {status.paused ? 'Resume sending' : 'Pause sending'}
              </button>
            )}
          </>
        }
      />
      <div className="stack">
        {error && <Notice tone="error">{error}</Notice>}
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {status?.paused && <Notice tone="warn">Sending is paused. Emails wait in the queue until you resume.</Notice>}
        {batch && status && <SendingProgress batch={batch} counts={status.counts} paused={status.paused} />}
        <OutboxFilter value={filter} options={STATUS_FILTERS} counts={status?.counts ?? null} onChange={(f) => void store().setFilter(f)} />
        {items && items.length === 0 ? (
          <Card title="No emails yet">
            <EmptyState icon="mail" title="Nothing has been written yet" text="Welcome emails, match emails and reminders appear here as soon as the app writes them." />
          </Card>
        ) : (
          <div className="outbox">
            <section aria-label="Email list">
              {shown.length === 0 ? (
                <p className="muted">No emails with this status.</p>
              ) : (
                <OutboxList items={shown} selectedId={selected?.id ?? null} now={now()} onSelect={(id) => void store().select(id)} />
              )}
            </section>
            <Card title={selected ? 'Email' : 'Choose an email'} intro={selected ? undefined : 'Pick one on the left to read it and copy its links.'}>
              {selected && (
                <MessageView
                  message={selected}
                  bodyRevealed={revealedId === selected.id}
                  busy={busy}
                  onRevealBody={() => setAskReveal(true)}
                  onCopy={copyText}
                  htmlForPreview={previewHtml}
                  onResend={() => void act(() => store().resend(selected.id), 'The email is queued again.')}
                  onRetryNow={() => void act(() => store().retryNow(selected.id), 'The email will be tried now.')}
                />
              )}
            </Card>
          </div>
        )}
      </div>
      {askReveal && selected && (
        <ConfirmDialog
          title="Read this email?"
          confirmLabel="Show it"
          cancelLabel="Keep it secret"
          danger
          onCancel={cancelReveal}
          onConfirm={() => {
            setRevealedId(selected.id);
            setAskReveal(false);
            void store().select(selected.id, true);
          }}
        >
          It tells {selected.to} whom they buy a present for. Once you read it, that part of the draw is no longer a secret to you. Reading it is recorded, and {selected.to} is
          told.
        </ConfirmDialog>
      )}
    </>
  );
}
