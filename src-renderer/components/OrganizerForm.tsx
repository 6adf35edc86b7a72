import { useT } from '../lib/i18n';
import { useState, type FormEvent } from 'react';
import { currentErrors, type FormErrors } from '../lib/issues';
import { TextField } from './Fields';
import { Notice } from './Notice';

export interface OrganizerValues {
  name: string;
  email: string;
  timezone: string;
}

export interface OrganizerFormProps {
  initial: OrganizerValues;
  errors: FormErrors;
  submitLabel: string;
  busy?: boolean;
  saved?: boolean;
  onSubmit(values: OrganizerValues): void;
}

/** Who runs the exchanges: name and email (for notices and as the default sender), and the timezone. */
export function OrganizerForm(props: OrganizerFormProps) {
  const t = useT();
  const [values, setValues] = useState(props.initial);
  const [sent, setSent] = useState<OrganizerValues | null>(null);
  const errors = currentErrors(props.errors, sent, values, (field) => (field === 'timezone' ? [field] : [`organizer.${field}`]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(values);
    props.onSubmit(values);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {errors.general && <Notice tone="error">{errors.general}</Notice>}
      {props.saved && <Notice tone="success">{t.t('parts.form.saved')}</Notice>}
      <div className="form-grid">
        <TextField
          label={t.t('parts.organizer.name')}
          autoComplete="name"
          value={values.name}
          onChange={(name) => setValues((v) => ({ ...v, name }))}
          error={errors.fields['organizer.name']}
          required
        />
        <TextField
          label={t.t('parts.organizer.email')}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          error={errors.fields['organizer.email']}
          hint={t.t('parts.organizer.emailHint')}
          required
        />
        <TextField
          label={t.t('parts.exchange.timezone')}
          value={values.timezone}
          onChange={(timezone) => setValues((v) => ({ ...v, timezone }))}
          error={errors.fields.timezone}
          hint={t.t('parts.organizer.timezoneHint')}
        />
      </div>
      <div className="row row--end">
        <button type="submit" className="btn btn--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
