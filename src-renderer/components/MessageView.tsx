import { useT } from '../lib/i18n';
import { kindLabel, revealsMatch } from '../lib/blind';
import { formatInstant } from '../lib/format';
import type { OutboxMessage } from '../stores/outbox';
import { CopyField } from './CopyField';
import { Notice } from './Notice';
import { statusBadge } from './OutboxList';
import './outbox.css';

export interface MessageViewProps {
  message: OutboxMessage;
  /** For emails that name a giftee: the organizer chose to read it anyway. */
  bodyRevealed: boolean;
  busy?: boolean;
  onRevealBody(): void;
  onCopy(text: string): Promise<boolean>;
  onResend(): void;
  onRetryNow(): void;
  /** Prepares the HTML for the sandboxed frame (see lib/email-preview); as is when absent. */
  htmlForPreview?: (html: string) => string;
}

/** One email: who, what, its links to copy, and its text. Match emails keep their text hidden by default. */
export function MessageView(props: MessageViewProps) {
  const t = useT();
  const m = props.message;
  const hidden = revealsMatch(m.kind) && !props.bodyRevealed;
  return (
    <div className="stack">
      <dl className="mail-meta">
        <dt>{t.t('parts.message.to')}</dt>
        <dd>{m.to}</dd>
        <dt>{t.t('parts.message.subject')}</dt>
        <dd>{m.subject}</dd>
        <dt>{t.t('parts.message.kind')}</dt>
        <dd>{kindLabel(m.kind, t)}</dd>
        <dt>{t.t('parts.message.status')}</dt>
        <dd>
          {statusBadge(m.status, t)} {m.attempts > 0 && <span className="muted">{t.t('parts.message.attempts', { count: m.attempts })}</span>}
        </dd>
        {m.sentAt && (
          <>
            <dt>{t.t('parts.message.sent')}</dt>
            <dd>{formatInstant(m.sentAt, undefined, t)}</dd>
          </>
        )}
        {m.status === 'queued' && m.retryAt !== null && (
          <>
            <dt>{t.t('parts.message.willRetry')}</dt>
            <dd>
              {formatInstant(m.retryAt, undefined, t)} <span className="muted">{t.t('parts.message.temporaryTrouble')}</span>
            </dd>
          </>
        )}
        {m.status === 'queued' && m.retryAt === null && m.nextAttemptAt && (
          <>
            <dt>{t.t('parts.message.goesOut')}</dt>
            <dd>{formatInstant(m.nextAttemptAt, undefined, t)}</dd>
          </>
        )}
      </dl>
      {m.withdrawnReason && (
        <Notice tone="info" title={t.t('parts.message.notSent')}>
          {t.t('parts.message.withdrawnBecause', { reason: m.withdrawnReason })}
        </Notice>
      )}
      {!m.withdrawnReason && m.wouldWithdraw && (m.status === 'queued' || m.status === 'preview') && (
        <Notice tone="info" title={t.t('parts.message.willNotGo')}>
          {t.t('parts.message.wouldWithdraw', { reason: m.wouldWithdraw })}
        </Notice>
      )}
      {m.lastError && m.status !== 'cancelled' && (
        <Notice tone="error" title={t.t('parts.message.serverSaid')}>
          {m.lastError}
        </Notice>
      )}
      {(m.status === 'failed' || m.status === 'sent' || m.status === 'queued') && (
        <div className="row">
          {(m.status === 'failed' || m.status === 'sent') && (
            <button type="button" className="btn" disabled={props.busy} onClick={props.onResend}>
              {t.t('parts.message.resend')}
            </button>
          )}
          {m.status === 'queued' && (
            <button type="button" className="btn" disabled={props.busy} onClick={props.onRetryNow}>
              {t.t('parts.message.tryNow')}
            </button>
          )}
        </div>
      )}
      {m.links.length > 0 && (
        <div className="stack stack--tight">
          <h3>{t.t('parts.message.links')}</h3>
          {m.status === 'preview' && <p className="muted">{t.t('parts.message.notSetUp')}</p>}
          {m.links.map((link, index) => (
            <CopyField
              key={link}
              label={m.links.length === 1 ? t.t('parts.message.link') : t.t('parts.message.linkNumber', { number: index + 1 })}
              value={link}
              onCopy={props.onCopy}
            />
          ))}
        </div>
      )}
      {m.status === 'cancelled' ? null : hidden ? (
        <Notice tone="info" title={t.t('parts.message.namesGiftee')}>
          <div className="stack stack--tight">
            <p>{t.t('parts.message.hiddenText')}</p>
            <div>
              <button type="button" className="btn btn--small" onClick={props.onRevealBody}>
                {t.t('parts.message.showAnyway')}
              </button>
            </div>
          </div>
        </Notice>
      ) : (
        <div className="stack stack--tight">
          <h3>{t.t('parts.message.message')}</h3>
          <iframe
            className="mail-frame"
            title={t.t('parts.message.frameTitle', { subject: m.subject })}
            sandbox=""
            srcDoc={props.htmlForPreview ? props.htmlForPreview(m.html) : m.html}
          />
          <p className="field__hint">{t.t('parts.message.unstyled')}</p>
          <details>
            <summary>{t.t('parts.message.plainText')}</summary>
            <pre className="mail-text">{m.text}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
