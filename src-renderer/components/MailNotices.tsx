import { useOutbox } from '../stores/outbox';
import { Notice } from './Notice';

/**
 * What the organizer must see on every screen, whether or not mail can go out: a planned deletion
 * of an exchange's data (the purge waits until this was shown or emailed) and links sent to an
 * address that no longer works. The desktop tray lists the same notices.
 */
export function MailNotices() {
  // Select the array itself: a fresh `[]` per render would make zustand re-render forever.
  const notices = useOutbox((s) => s.status?.notices);
  if (!notices || notices.length === 0) return null;
  return (
    <div className="stack stack--tight" aria-label="Notices">
      {notices.map((notice) => (
        <Notice key={`${notice.kind}:${notice.exchangeId ?? ''}:${notice.at}`} tone="warn" title={notice.kind === 'purge-warning' ? 'Data will be deleted' : 'Links moved'}>
          {notice.message}
          {notice.kind === 'purge-warning' && notice.exchangeId !== null && (
            <>
              {' '}
              <a href={`#/exchanges/${notice.exchangeId}`}>Open the exchange</a>
            </>
          )}
        </Notice>
      ))}
    </div>
  );
}
