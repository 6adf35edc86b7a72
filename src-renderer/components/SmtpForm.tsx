import { useT } from '../lib/i18n';
import type { MessageKey } from '@i18n';
import { useState, type FormEvent } from 'react';
import { currentErrors, type FormErrors } from '../lib/issues';
import { applyPreset, smtpFormValues, type PresetId, type Security, type SmtpFormValues } from '../lib/smtp-form';
import type { SmtpSettings, SmtpTest } from '../stores/settings';
import { SelectField, TextField } from './Fields';
import { Notice } from './Notice';

export interface SmtpFormProps {
  smtp: SmtpSettings;
  organizer: { name: string; email: string } | null;
  errors: FormErrors;
  busy?: boolean;
  saved?: boolean;
  test: SmtpTest | null;
  onSave(values: SmtpFormValues): void;
  onTest(to: string): void;
}

const SECURITY: ReadonlyArray<{ value: Security; key: MessageKey }> = [
  { value: 'tls', key: 'parts.smtp.tls' },
  { value: 'starttls', key: 'parts.smtp.starttls' },
  { value: 'none', key: 'parts.smtp.none' },
];

/** Mail server settings with provider presets, and "Send test email" with a plain-words result. */
export function SmtpForm(props: SmtpFormProps) {
  const t = useT();
  const [values, setValues] = useState(() => smtpFormValues(props.smtp, props.organizer));
  const [to, setTo] = useState(props.organizer?.email ?? '');
  const preset = props.smtp.presets.find((p) => p.id === values.presetId);
  const set = (field: keyof SmtpFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const [sent, setSent] = useState<SmtpFormValues | null>(null);
  const errors = currentErrors(props.errors, sent, values);
  const e = errors.fields;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(values);
    props.onSave(values);
  };
  return (
    <div className="stack">
      <form className="stack" onSubmit={submit} noValidate>
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        {props.saved && <Notice tone="success">{t.t('parts.smtp.saved')}</Notice>}
        <div className="form-grid">
          <SelectField
            label={t.t('parts.smtp.provider')}
            value={values.presetId}
            options={[...props.smtp.presets.map((p) => ({ value: p.id as PresetId, label: p.label }))]}
            onChange={(id) => setValues((v) => applyPreset(v, props.smtp, id))}
            error={e.presetId}
            className="form-grid__wide"
            hint={preset?.hint}
          />
          <TextField label={t.t('parts.smtp.host')} value={values.host} onChange={set('host')} error={e.host} placeholder="smtp.example.com" />
          <TextField label={t.t('parts.smtp.port')} type="number" value={values.port} onChange={set('port')} error={e.port} />
          <SelectField
            label={t.t('parts.smtp.security')}
            value={values.security}
            options={SECURITY.map(({ value, key }) => ({ value, label: t.t(key) }))}
            onChange={(s) => setValues((v) => ({ ...v, security: s }))}
            error={e.security}
          />
          <TextField label={t.t('parts.smtp.username')} value={values.username} onChange={set('username')} error={e.username} autoComplete="off" />
          <TextField
            label={t.t('parts.smtp.password')}
            type="password"
            value={values.password}
            onChange={set('password')}
            error={e.password}
            autoComplete="new-password"
            hint={
              <>
                {props.smtp.hasPassword ? `${t.t('parts.smtp.passwordStored')} ` : ''}
                {preset?.appPasswordNeeded ? `${t.t('parts.smtp.appPassword')} ` : ''}
                {preset?.appPasswordUrl && (
                  <a href={preset.appPasswordUrl} target="_blank" rel="noreferrer">
                    {t.t('parts.smtp.createOne')}
                  </a>
                )}
              </>
            }
          />
          <TextField label={t.t('parts.smtp.fromName')} value={values.fromName} onChange={set('fromName')} error={e.fromName} />
          <TextField label={t.t('parts.smtp.fromAddress')} type="email" value={values.fromAddress} onChange={set('fromAddress')} error={e.fromAddress} />
        </div>
        <p className="muted">{t.t('parts.smtp.passwordStore', { store: props.smtp.passwordStore })}</p>
        <div className="row row--end">
          <button type="submit" className="btn btn--primary" disabled={props.busy}>
            {t.t('parts.smtp.save')}
          </button>
        </div>
      </form>
      <form
        className="stack stack--tight"
        onSubmit={(event) => {
          event.preventDefault();
          props.onTest(to);
        }}
      >
        <div className="inline-form">
          <TextField label={t.t('parts.smtp.testTo')} type="email" value={to} onChange={setTo} />
          <button type="submit" className="btn" disabled={props.busy || !props.smtp.configured}>
            {t.t('parts.smtp.test')}
          </button>
        </div>
        {!props.smtp.configured && <p className="muted">{t.t('parts.smtp.saveFirst')}</p>}
        {props.test && (
          <Notice tone={props.test.ok ? 'success' : 'error'} title={props.test.ok ? t.t('parts.smtp.testSent') : t.t('parts.smtp.testFailed')}>
            {props.test.message}
          </Notice>
        )}
      </form>
    </div>
  );
}
