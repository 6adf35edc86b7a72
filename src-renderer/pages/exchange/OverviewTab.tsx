import { useCallback, useState } from 'react';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { ExchangeForm } from '../../components/ExchangeForm';
import { Notice } from '../../components/Notice';
import { QrImage } from '../../components/QrImage';
import { navigate } from '../../app/use-route';
import { copyText } from '../../lib/download';
import { nextStep } from '../../lib/exchange-copy';
import { now } from '../../lib/now';
import { convertExchangeForm, editablePatch, exchangeFormValues, type ExchangeFormValues } from '../../lib/exchange-form';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import { useExchange } from '../../stores/exchange';
import type { ExchangeView } from '../../stores/exchanges';

/** What to do next, the invite link, and the exchange's details. */
export function OverviewTab({ exchange }: { exchange: ExchangeView }) {
  const invite = useExchange((s) => s.invite);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'replace' | 'delete' | null>(null);
  const [inviteNote, setInviteNote] = useState<string | null>(null);
  const step = nextStep(exchange.state, exchange.participantCount);
  const canDelete = exchange.state === 'draft' || exchange.state === 'cancelled' || exchange.state === 'completed';
  const inviteUseful = exchange.state === 'draft' || exchange.state === 'registration_open';

  const save = async (values: ExchangeFormValues) => {
    setSaved(false);
    const converted = convertExchangeForm(values, now(), exchange.editable);
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    const result = await useExchange.getState().update(editablePatch(converted.fields, exchange.editableFields));
    setBusy(false);
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };

  const confirm = async () => {
    setBusy(true);
    if (confirming === 'replace') {
      const result = await useExchange.getState().replaceInviteCode();
      setInviteNote(result.ok ? 'The old link no longer works. Share this new one.' : result.error.message);
    } else if (confirming === 'delete') {
      const result = await useExchange.getState().remove();
      if (result.ok) navigate('#/exchanges');
      else setInviteNote(result.error.message);
    }
    setBusy(false);
    setConfirming(null);
  };
  const cancel = useCallback(() => setConfirming(null), []);

  return (
    <div className="stack">
      <Card title={step.title} className="next-step">
        <p>{step.text}</p>
      </Card>
      {inviteUseful && (
        <Card
          title="Invite link"
          intro={exchange.state === 'draft' ? 'The link works once you open registration.' : 'Anyone with this link can sign up until registration closes.'}
          actions={
            <button type="button" className="btn btn--small" onClick={() => setConfirming('replace')}>
              Replace invite link
            </button>
          }
        >
          {invite ? (
            <div className="row">
              <QrImage svg={invite.qrSvg} alt={`QR code of the invite link for ${exchange.name}`} />
              <div className="stack grow">
                <CopyField label="Invite link" value={invite.url} onCopy={copyText} />
                {inviteNote && <Notice tone="info">{inviteNote}</Notice>}
              </div>
            </div>
          ) : (
            <p className="muted">Loading the link…</p>
          )}
        </Card>
      )}
      <Card
        title="Details"
        intro={
          exchange.editableFields.includes('name')
            ? 'Participants see these on their page and in their emails.'
            : (exchange.lockedReason ?? 'This exchange can no longer be edited.')
        }
      >
        <ExchangeForm
          key={exchange.updatedAt}
          initial={exchangeFormValues(exchange)}
          errors={errors}
          editableFields={exchange.editableFields}
          submitLabel="Save changes"
          busy={busy}
          saved={saved}
          onSubmit={(v) => void save(v)}
        />
      </Card>
      {canDelete && (
        <Card title="Delete" intro="Removes the exchange, its participants and its emails from this computer now.">
          <button type="button" className="btn btn--danger" onClick={() => setConfirming('delete')}>
            Delete exchange
          </button>
        </Card>
      )}
      {confirming === 'replace' && (
        <ConfirmDialog title="Replace the invite link?" confirmLabel="Replace link" busy={busy} onConfirm={() => void confirm()} onCancel={cancel}>
          The current link stops working at once. Use this if the link reached people it should not have.
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={`Delete “${exchange.name}”?`}
          confirmLabel="Delete for good"
          cancelLabel="Keep exchange"
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        >
          Everything about this exchange is removed from this computer, including from older backups (they are replaced by a fresh one). This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
