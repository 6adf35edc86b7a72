import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { formatInstant } from '../../lib/format';
import { useSettings, type Backup } from '../../stores/settings';

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Backups in the data folder: back up now, restore one (after a confirmation). */
export function BackupsSection() {
  const backups = useSettings((s) => s.backups);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const cancel = useCallback(() => setRestoring(null), []);

  const create = async () => {
    setBusy(true);
    const result = await useSettings.getState().createBackup();
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: `Backed up as ${result.value.name}.` } : { tone: 'error', text: result.error.message });
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
          Back up now
        </button>
      </div>
      {backups && backups.length === 0 && <p className="muted">No backups yet. One is made every day by itself.</p>}
      {backups && backups.length > 0 && (
        <ul className="list" aria-label="Backups">
          {backups.map((b) => (
            <li key={b.name}>
              <div>
                <strong>{formatInstant(b.createdAt)}</strong>
                <div className="muted">
                  {b.reason} · {size(b.sizeBytes)}
                </div>
              </div>
              <button type="button" className="btn btn--small" disabled={busy} onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${formatInstant(b.createdAt)}`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {restoring && (
        <ConfirmDialog title="Restore this backup?" confirmLabel="Restore" danger busy={busy} onConfirm={() => void restore()} onCancel={cancel}>
          Everything is put back as it was on {formatInstant(restoring.createdAt)}, at the next start of Sneaky Klaus. Your current data is backed up first.
        </ConfirmDialog>
      )}
    </div>
  );
}
