import type { MessageKey, Translator } from '@i18n';
import { currentT, useT } from '../lib/i18n';
import { kindLabel } from '../lib/blind';
import { formatInstant, relativeTime } from '../lib/format';
import type { OutboxItem } from '../stores/outbox';
import './outbox.css';

export interface OutboxListProps {
  items: readonly OutboxItem[];
  selectedId: number | null;
  now: number;
  onSelect(id: number): void;
}

const TONES: Record<OutboxItem['status'], string> = { preview: 'info', queued: 'warn', sending: 'warn', sent: 'ok', failed: 'bad', cancelled: '' };
const STATUS_KEYS: Record<OutboxItem['status'], MessageKey> = {
  preview: 'parts.outbox.preview',
  queued: 'parts.outbox.queued',
  sending: 'parts.outbox.sending',
  sent: 'parts.outbox.sent',
  failed: 'parts.outbox.failed',
  cancelled: 'parts.outbox.cancelled',
};

export function statusBadge(status: OutboxItem['status'], t: Translator = currentT()) {
  return <span className={`badge badge--${TONES[status]}`}>{t.t(STATUS_KEYS[status])}</span>;
}

/** The emails, newest first: recipient, subject, kind and status. */
export function OutboxList(props: OutboxListProps) {
  const t = useT();
  return (
    <ul className="mail-list" aria-label={t.t('parts.outbox.emails')}>
      {props.items.map((item) => (
        <li key={item.id}>
          <button type="button" className="mail-item" aria-current={item.id === props.selectedId ? 'true' : undefined} onClick={() => props.onSelect(item.id)}>
            <span className="mail-item__top">
              <span>{item.to}</span>
              <span>{relativeTime(item.sentAt ?? item.createdAt, props.now, t)}</span>
            </span>
            <span className="mail-item__subject">{item.subject}</span>
            {item.status === 'queued' && item.retryAt !== null && (
              <span className="muted">{t.t('parts.outbox.willRetryAt', { at: formatInstant(item.retryAt, undefined, t) })}</span>
            )}
            {item.status === 'cancelled' && item.withdrawnReason && <span className="muted">{t.t('parts.outbox.withdrawn', { reason: item.withdrawnReason })}</span>}
            <span className="row">
              {statusBadge(item.status, t)}
              <span className="badge">{kindLabel(item.kind, t)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
