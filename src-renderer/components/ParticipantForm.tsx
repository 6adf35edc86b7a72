import { useState, type FormEvent } from 'react';
import { currentErrors, type FormErrors } from '../lib/issues';
import { Checkbox, TextArea, TextField } from './Fields';
import { Notice } from './Notice';

export interface ParticipantFormValues {
  name: string;
  email: string;
  giftIdeas: string;
  remindersEnabled: boolean;
  isOrganizer: boolean;
}

export const EMPTY_PARTICIPANT: ParticipantFormValues = { name: '', email: '', giftIdeas: '', remindersEnabled: true, isOrganizer: false };

/** Only the editable fields of a participant (never ids or status flags). */
export function participantFormValues(p: ParticipantFormValues): ParticipantFormValues {
  return { name: p.name, email: p.email, giftIdeas: p.giftIdeas, remindersEnabled: p.remindersEnabled, isOrganizer: p.isOrganizer };
}

export interface ParticipantFormProps {
  initial: ParticipantFormValues;
  errors: FormErrors;
  submitLabel: string;
  busy?: boolean;
  onSubmit(values: ParticipantFormValues): void;
  onCancel(): void;
}

/** Add or edit one person. */
export function ParticipantForm(props: ParticipantFormProps) {
  const [values, setValues] = useState(props.initial);
  const [sent, setSent] = useState<ParticipantFormValues | null>(null);
  const errors = currentErrors(props.errors, sent, values);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(values);
    props.onSubmit(values);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {errors.general && <Notice tone="error">{errors.general}</Notice>}
      <div className="form-grid">
        <TextField label="Name" name="name" autoComplete="off" value={values.name} error={errors.fields.name} onChange={(name) => setValues((v) => ({ ...v, name }))} required />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          error={errors.fields.email}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          required
        />
        <TextArea
          label="Gift ideas"
          name="giftIdeas"
          className="form-grid__wide"
          rows={2}
          value={values.giftIdeas}
          error={errors.fields.giftIdeas}
          hint="Optional. They can edit these themselves."
          onChange={(giftIdeas) => setValues((v) => ({ ...v, giftIdeas }))}
        />
      </div>
      <Checkbox label="Send reminders" checked={values.remindersEnabled} onChange={(remindersEnabled) => setValues((v) => ({ ...v, remindersEnabled }))} />
      <Checkbox label="This is me (the organizer takes part)" checked={values.isOrganizer} onChange={(isOrganizer) => setValues((v) => ({ ...v, isOrganizer }))} />
      <div className="row row--end">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
