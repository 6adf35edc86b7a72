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
  const m = props.message;
  const hidden = revealsMatch(m.kind) && !props.bodyRevealed;
  return (
    <div className="stack">
      <dl className="mail-meta">
        <dt>To</dt>
        <dd>{m.to}</dd>
        <dt>Subject</dt>
        <dd>{m.subject}</dd>
        <dt>Kind</dt>
        <dd>{kindLabel(m.kind)}</dd>
        <dt>Status</dt>
        <dd>
          {statusBadge(m.status)} {m.attempts > 0 && <span className="muted">after {m.attempts} attempt(s)</span>}
        </dd>
        {m.sentAt && (
          <>
            <dt>Sent</dt>
            <dd>{formatInstant(m.sentAt)}</dd>
          </>
        )}
        {m.status === 'queued' && m.retryAt !== null && (
          <>
            <dt>Will retry</dt>
            <dd>
              {formatInstant(m.retryAt)} <span className="muted">(the mail server had temporary trouble; nothing to do)</span>
            </dd>
          </>
        )}
        {m.status === 'queued' && m.retryAt === null && m.nextAttemptAt && (
          <>
            <dt>Goes out</dt>
            <dd>{formatInstant(m.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      {m.withdrawnReason && (
        <Notice tone="info" title="Not sent">
          It was withdrawn because {m.withdrawnReason}.
        </Notice>
      )}
      {!m.withdrawnReason && m.wouldWithdraw && (m.status === 'queued' || m.status === 'preview') && (
        <Notice tone="info" title="This email will not go out">
          When its turn comes it will be withdrawn, because {m.wouldWithdraw}.
        </Notice>
      )}
      {m.lastError && m.status !== 'cancelled' && (
        <Notice tone="error" title="The mail server said">
          {m.lastError}
        </Notice>
      )}
      {(m.status === 'failed' || m.status === 'sent' || m.status === 'queued') && (
        <div className="row">
          {(m.status === 'failed' || m.status === 'sent') && (
            <button type="button" className="btn" disabled={props.busy} onClick={props.onResend}>
              Resend
            </button>
          )}
          {m.status === 'queued' && (
            <button type="button" className="btn" disabled={props.busy} onClick={props.onRetryNow}>
              Try now
            </button>
          )}
        </div>
      )}
      {m.links.length > 0 && (
        <div className="stack stack--tight">
          <h3>Links in this email</h3>
          {m.status === 'preview' && <p className="muted">Mail is not set up yet, so this email was not sent. Copy a link and send it by chat instead.</p>}
          {m.links.map((link, index) => (
            <CopyField key={link} label={m.links.length === 1 ? 'Link' : `Link ${index + 1}`} value={link} onCopy={props.onCopy} />
          ))}
        </div>
      )}
      {m.status === 'cancelled' ? null : hidden ? (
        <Notice tone="info" title="This email names a giftee.">
          <div className="stack stack--tight">
            <p>
              To keep the draw secret, even from you, its text and links stay hidden. If the email cannot reach this person, make a personal link for them on the Participants tab.
            </p>
            <div>
              <button type="button" className="btn btn--small" onClick={props.onRevealBody}>
                Show the email anyway
              </button>
            </div>
          </div>
        </Notice>
      ) : (
        <div className="stack stack--tight">
          <h3>Message</h3>
          <iframe className="mail-frame" title={`Email: ${m.subject}`} sandbox="" srcDoc={props.htmlForPreview ? props.htmlForPreview(m.html) : m.html} />
          <p className="field__hint">Shown without the email’s colours and layout; recipients see it styled.</p>
          <details>
            <summary>Plain-text version</summary>
            <pre className="mail-text">{m.text}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
