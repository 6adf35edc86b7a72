import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
import { useT } from '../lib/i18n';
import { now } from '../lib/now';
import { matchesFilter, STATUS_FILTERS, useOutbox } from '../stores/outbox';

/** Every email the app wrote: filter by status, read, copy links, resend, pause sending. */
export function OutboxPage() {
  const { t } = useT();
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
    setMessage(result.ok ? { tone: 'success', text: done } : { tone: 'error', text: result.error?.message ?? t('admin.common.failed') });
  };
  const store = useOutbox.getState;
  const shown = (items ?? []).filter((item) => matchesFilter(item, filter));
  const failed = status?.counts.failed ?? 0;

  const sub =
    status && !status.smtpConfigured ? (
      <FormattedMessage id="admin.outbox.subNoMail" values={{ link: (chunks: React.ReactNode[]) => <a href="#/settings">{chunks}</a> }} />
    ) : (
      t('admin.outbox.sub')
    );

  return (
    <>
      <PageHead
        title={t('admin.outbox.title')}
        sub={sub}
        actions={
          <>
            {failed > 0 && (
              <button type="button" className="btn" disabled={busy} onClick={() => void act(() => store().retryFailed(), t('admin.outbox.retried'))}>
                {t('admin.outbox.retryFailed', { count: failed })}
              </button>
            )}
            {status?.smtpConfigured && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void act(() => store().setPaused(!status.paused), status.paused ? t('admin.outbox.resumed') : t('admin.outbox.paused'))}
              >
                {status.paused ? t('admin.outbox.resume') : t('admin.outbox.pause')}
              </button>
            )}
          </>
        }
      />
      <div className="stack">
        {error && <Notice tone="error">{error}</Notice>}
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {status?.paused && <Notice tone="warn">{t('admin.outbox.pausedNotice')}</Notice>}
        {batch && status && <SendingProgress batch={batch} counts={status.counts} paused={status.paused} />}
        <OutboxFilter value={filter} options={STATUS_FILTERS} counts={status?.counts ?? null} onChange={(f) => void store().setFilter(f)} />
        {items && items.length === 0 ? (
          <Card title={t('admin.outbox.emptyCard')}>
            <EmptyState icon="mail" title={t('admin.outbox.emptyTitle')} text={t('admin.outbox.emptyText')} />
          </Card>
        ) : (
          <div className="outbox">
            <section aria-label={t('admin.outbox.listLabel')}>
              {shown.length === 0 ? (
                <p className="muted">{t('admin.outbox.noneWithStatus')}</p>
              ) : (
                <OutboxList items={shown} selectedId={selected?.id ?? null} now={now()} onSelect={(id) => void store().select(id)} />
              )}
            </section>
            <Card title={selected ? t('admin.outbox.email') : t('admin.outbox.choose')} intro={selected ? undefined : t('admin.outbox.chooseIntro')}>
              {selected && (
                <MessageView
                  message={selected}
                  bodyRevealed={revealedId === selected.id}
                  busy={busy}
                  onRevealBody={() => setAskReveal(true)}
                  onCopy={copyText}
                  htmlForPreview={previewHtml}
                  onResend={() => void act(() => store().resend(selected.id), t('admin.outbox.resent'))}
                  onRetryNow={() => void act(() => store().retryNow(selected.id), t('admin.outbox.retryNow'))}
                />
              )}
            </Card>
          </div>
        )}
      </div>
      {askReveal && selected && (
        <ConfirmDialog
          title={t('admin.outbox.revealTitle')}
          confirmLabel={t('admin.outbox.revealConfirm')}
          cancelLabel={t('admin.common.keepSecret')}
          danger
          onCancel={cancelReveal}
          onConfirm={() => {
            setRevealedId(selected.id);
            setAskReveal(false);
            void store().select(selected.id, true);
          }}
        >
          {t('admin.outbox.revealText', { to: selected.to })}
        </ConfirmDialog>
      )}
    </>
  );
}
