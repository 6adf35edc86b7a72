import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { useT } from '../../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import type { Settings } from '../../stores/settings';
import { useSettings } from '../../stores/settings';

/** Defaults for new exchanges (reminder days, currency) and how long data is kept. */
export function DefaultsSection({ settings }: { settings: Settings }) {
  const { t } = useT();
  const [days, setDays] = useState(settings.reminderDays.join(', '));
  const [currency, setCurrency] = useState(settings.currency);
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const reminderDays = days
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    if (reminderDays.some((d) => !Number.isInteger(d))) return setErrors({ general: null, fields: { reminderDays: t('admin.defaults.daysError') } });
    const result = await useSettings.getState().update({ reminderDays, currency: currency.trim().toUpperCase(), retentionDays: Number(retention) });
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {errors.general && <Notice tone="error">{errors.general}</Notice>}
      {saved && <Notice tone="success">{t('admin.common.saved')}</Notice>}
      <div className="form-grid">
        <TextField label={t('admin.defaults.days')} value={days} onChange={setDays} error={errors.fields.reminderDays} hint={t('admin.defaults.daysHint')} />
        <TextField label={t('admin.defaults.currency')} value={currency} onChange={setCurrency} error={errors.fields.currency} hint={t('admin.defaults.currencyHint')} />
        <TextField
          label={t('admin.defaults.retention')}
          type="number"
          min={7}
          max={365}
          value={retention}
          onChange={setRetention}
          error={errors.fields.retentionDays}
          hint={t('admin.defaults.retentionHint')}
        />
      </div>
      <div className="row row--end">
        <button type="submit" className="btn btn--primary">
          {t('admin.common.save')}
        </button>
      </div>
    </form>
  );
}
