import { useT } from '../lib/i18n';
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
  const t = useT();
  if (!notices || notices.length === 0) return null;
  return (
    <div className="stack stack--tight" aria-label={t.t('parts.notices.label')}>
      {notices.map((notice) => (
        <Notice
          key={`${notice.kind}:${notice.exchangeId ?? ''}:${notice.at}`}
          tone="warn"
          title={notice.kind === 'purge-warning' ? t.t('parts.notices.purge') : t.t('parts.notices.linksMoved')}
        >
          {notice.message}
          {notice.kind === 'purge-warning' && notice.exchangeId !== null && (
            <>
              {' '}
              <a href={`#/exchanges/${notice.exchangeId}`}>{t.t('parts.notices.openExchange')}</a>
            </>
          )}
        </Notice>
      ))}
    </div>
  );
}
