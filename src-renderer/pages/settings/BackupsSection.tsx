import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import type { Translator } from '@i18n';
import { useT } from '../../lib/i18n';
import { useSettings, type Backup } from '../../stores/settings';

function size(bytes: number, t: Translator): string {
  // Intl words the unit in the language ("1.5 MB", "1,5 Mo").
  return bytes >= 1_048_576
    ? t.intl.formatNumber(bytes / 1_048_576, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1 })
    : t.intl.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
}

/** Backups in the data folder: back up now, restore one (after a confirmation). */
export function BackupsSection() {
  const t = useT();
  const backups = useSettings((s) => s.backups);
  // Backups are named by the organizer's clock (their zone in Settings).
  const zone = useSettings((s) => s.settings?.timezone) ?? 'UTC';
  const when = (at: number) => t.shortDateTime(at, zone);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const cancel = useCallback(() => setRestoring(null), []);

  const create = async () => {
    setBusy(true);
    const result = await useSettings.getState().createBackup();
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: t.t('admin.backups.done', { name: result.value.name }) } : { tone: 'error', text: result.error.message });
  };
  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    const result = await useSettings.getState().restoreBackup(restoring.name);
    setBusy(false);
    setRestoring(null);
    setMessage(result.ok ? { tone: 'info', text: result.value.message } : { tone: 'error', text: result.error.message });
  };

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div>
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void create()}>
          {t.t('admin.backups.now')}
        </button>
      </div>
      {backups && backups.length === 0 && <p className="muted">{t.t('admin.backups.none')}</p>}
      {backups && backups.length > 0 && (
        <ul className="list" aria-label={t.t('admin.backups.listLabel')}>
          {backups.map((b) => (
            <li key={b.name}>
              <div>
                <strong>{when(b.createdAt)}</strong>
                <div className="muted">
                  {t.t('admin.backups.reason', { reason: b.reason.replace(/-/g, '_') })} · {size(b.sizeBytes, t)}
                </div>
              </div>
              <button
                type="button"
                className="btn btn--small"
                disabled={busy}
                onClick={() => setRestoring(b)}
                aria-label={t.t('admin.backups.restoreLabel', { date: when(b.createdAt) })}
              >
                {t.t('admin.backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {restoring && (
        <ConfirmDialog title={t.t('admin.backups.restoreTitle')} confirmLabel={t.t('admin.backups.restore')} danger busy={busy} onConfirm={() => void restore()} onCancel={cancel}>
          {t.t('admin.backups.restoreText', { date: when(restoring.createdAt) })}
        </ConfirmDialog>
      )}
    </div>
  );
}
