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
import { useT } from '../../lib/i18n';
import { now } from '../../lib/now';
import { convertExchangeForm, editablePatch, exchangeFormValues, type ExchangeFormValues } from '../../lib/exchange-form';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import { useExchange } from '../../stores/exchange';
import type { ExchangeView } from '../../stores/exchanges';

/** What to do next, the invite link, and the exchange's details. */
export function OverviewTab({ exchange }: { exchange: ExchangeView }) {
  const { t } = useT();
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
      setInviteNote(result.ok ? t('admin.overview.replaced') : result.error.message);
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
          title={t('admin.overview.invite')}
          intro={exchange.state === 'draft' ? t('admin.overview.inviteDraft') : t('admin.overview.inviteOpen')}
          actions={
            <button type="button" className="btn btn--small" onClick={() => setConfirming('replace')}>
              {t('admin.overview.replace')}
            </button>
          }
        >
          {invite ? (
            <div className="row">
              <QrImage svg={invite.qrSvg} alt={t('admin.overview.qr', { exchange: exchange.name })} />
              <div className="stack grow">
                <CopyField label={t('admin.overview.invite')} value={invite.url} onCopy={copyText} />
                {inviteNote && <Notice tone="info">{inviteNote}</Notice>}
              </div>
            </div>
          ) : (
            <p className="muted">{t('admin.overview.loadingLink')}</p>
          )}
        </Card>
      )}
      <Card
        title={t('admin.overview.details')}
        intro={exchange.editableFields.includes('name') ? t('admin.overview.detailsIntro') : (exchange.lockedReason ?? t('admin.overview.locked'))}
      >
        <ExchangeForm
          key={exchange.updatedAt}
          initial={exchangeFormValues(exchange)}
          errors={errors}
          editableFields={exchange.editableFields}
          submitLabel={t('admin.overview.save')}
          busy={busy}
          saved={saved}
          onSubmit={(v) => void save(v)}
        />
      </Card>
      {canDelete && (
        <Card title={t('admin.overview.delete')} intro={t('admin.overview.deleteIntro')}>
          <button type="button" className="btn btn--danger" onClick={() => setConfirming('delete')}>
            {t('admin.overview.deleteButton')}
          </button>
        </Card>
      )}
      {confirming === 'replace' && (
        <ConfirmDialog title={t('admin.overview.replaceTitle')} confirmLabel={t('admin.overview.replaceConfirm')} busy={busy} onConfirm={() => void confirm()} onCancel={cancel}>
          {t('admin.overview.replaceText')}
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={t('admin.overview.deleteTitle', { exchange: exchange.name })}
          confirmLabel={t('admin.overview.deleteConfirm')}
          cancelLabel={t('admin.overview.keep')}
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        >
          {t('admin.overview.deleteText')}
        </ConfirmDialog>
      )}
    </div>
  );
}
