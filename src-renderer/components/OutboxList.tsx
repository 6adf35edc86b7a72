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
const STATUS_LABELS: Record<OutboxItem['status'], string> = { preview: 'Preview', queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' };

export function statusBadge(status: OutboxItem['status']) {
  return <span className={`badge badge--${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** The emails, newest first: recipient, subject, kind and status. */
export function OutboxList(props: OutboxListProps) {
  return (
    <ul className="mail-list" aria-label="Emails">
      {props.items.map((item) => (
        <li key={item.id}>
          <button type="button" className="mail-item" aria-current={item.id === props.selectedId ? 'true' : undefined} onClick={() => props.onSelect(item.id)}>
            <span className="mail-item__top">
              <span>{item.to}</span>
              <span>{relativeTime(item.sentAt ?? item.createdAt, props.now)}</span>
            </span>
            <span className="mail-item__subject">{item.subject}</span>
            {item.status === 'queued' && item.retryAt !== null && <span className="muted">Will retry at {formatInstant(item.retryAt)}</span>}
            {item.status === 'cancelled' && item.withdrawnReason && <span className="muted">Withdrawn: {item.withdrawnReason}</span>}
            <span className="row">
              {statusBadge(item.status)}
              <span className="badge">{kindLabel(item.kind)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
