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

const SECURITY: ReadonlyArray<{ value: Security; label: string }> = [
  { value: 'tls', label: 'TLS (usually port 465)' },
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'none', label: 'None (only for a server on this computer)' },
];

/** Mail server settings with provider presets, and "Send test email" with a plain-words result. */
export function SmtpForm(props: SmtpFormProps) {
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
        {props.saved && <Notice tone="success">Mail settings saved. Emails waiting in the outbox will now be sent.</Notice>}
        <div className="form-grid">
          <SelectField
            label="Email provider"
            value={values.presetId}
            options={[...props.smtp.presets.map((p) => ({ value: p.id as PresetId, label: p.label }))]}
            onChange={(id) => setValues((v) => applyPreset(v, props.smtp, id))}
            error={e.presetId}
            className="form-grid__wide"
            hint={preset?.hint}
          />
          <TextField label="Mail server" value={values.host} onChange={set('host')} error={e.host} placeholder="smtp.example.com" />
          <TextField label="Port" type="number" value={values.port} onChange={set('port')} error={e.port} />
          <SelectField label="Encryption" value={values.security} options={SECURITY} onChange={(s) => setValues((v) => ({ ...v, security: s }))} error={e.security} />
          <TextField label="User name" value={values.username} onChange={set('username')} error={e.username} autoComplete="off" />
          <TextField
            label="Password"
            type="password"
            value={values.password}
            onChange={set('password')}
            error={e.password}
            autoComplete="new-password"
            hint={
              <>
                {props.smtp.hasPassword ? 'A password is stored; leave empty to keep it. ' : ''}
                {preset?.appPasswordNeeded ? 'Use an app password. ' : ''}
                {preset?.appPasswordUrl && (
                  <a href={preset.appPasswordUrl} target="_blank" rel="noreferrer">
                    Create one
                  </a>
                )}
              </>
            }
          />
          <TextField label="Sender name" value={values.fromName} onChange={set('fromName')} error={e.fromName} />
          <TextField label="Sender address" type="email" value={values.fromAddress} onChange={set('fromAddress')} error={e.fromAddress} />
        </div>
        <p className="muted">The password is kept in {props.smtp.passwordStore}.</p>
        <div className="row row--end">
          <button type="submit" className="btn btn--primary" disabled={props.busy}>
            Save mail settings
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
          <TextField label="Send a test email to" type="email" value={to} onChange={setTo} />
          <button type="submit" className="btn" disabled={props.busy || !props.smtp.configured}>
            Send test email
          </button>
        </div>
        {!props.smtp.configured && <p className="muted">Save the settings first, then send a test.</p>}
        {props.test && (
          <Notice tone={props.test.ok ? 'success' : 'error'} title={props.test.ok ? 'The test email was sent.' : 'The test email could not be sent.'}>
            {props.test.message}
          </Notice>
        )}
      </form>
    </div>
  );
}
