import { useState, type FormEvent } from 'react';
import { DELIVERY_OPTIONS, type Delivery } from '../lib/delivery';
import { currentErrors, type FormErrors } from '../lib/issues';
import { Checkbox, SelectField, TextArea, TextField } from './Fields';
import { Notice } from './Notice';

export interface ParticipantFormValues {
  name: string;
  email: string;
  delivery: Delivery;
  deliveredBy: number | null;
  giftIdeas: string;
  remindersEnabled: boolean;
  isOrganizer: boolean;
}

export const EMPTY_PARTICIPANT: ParticipantFormValues = { name: '', email: '', delivery: 'email', deliveredBy: null, giftIdeas: '', remindersEnabled: true, isOrganizer: false };

/** Only the editable fields of a participant (never ids or status flags). */
export function participantFormValues(p: ParticipantFormValues): ParticipantFormValues {
  return {
    name: p.name,
    email: p.email,
    delivery: p.delivery,
    deliveredBy: p.deliveredBy,
    giftIdeas: p.giftIdeas,
    remindersEnabled: p.remindersEnabled,
    isOrganizer: p.isOrganizer,
  };
}

export interface ParticipantFormProps {
  initial: ParticipantFormValues;
  errors: FormErrors;
  submitLabel: string;
  /** People who can pass a link on (they have an address); the person edited is left out by the caller. */
  deliverers: ReadonlyArray<{ id: number; name: string }>;
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
          hint={values.delivery === 'email' ? undefined : 'Optional: leave it empty for someone without email.'}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          required={values.delivery === 'email'}
        />
        <SelectField
          label="How they learn their giftee"
          name="delivery"
          value={values.delivery}
          options={DELIVERY_OPTIONS}
          error={errors.fields.delivery}
          onChange={(delivery) => setValues((v) => ({ ...v, delivery, deliveredBy: delivery === 'delivered' ? (v.deliveredBy ?? props.deliverers[0]?.id ?? null) : null }))}
        />
        {values.delivery === 'delivered' && (
          <SelectField
            label="Who passes the link on"
            name="deliveredBy"
            value={values.deliveredBy === null ? '' : String(values.deliveredBy)}
            options={[{ value: '', label: 'Choose someone' }, ...props.deliverers.map((d) => ({ value: String(d.id), label: d.name }))]}
            error={errors.fields.deliveredBy}
            hint="They get an email with a link to this person's page, never whom this person gives to."
            onChange={(id) => setValues((v) => ({ ...v, deliveredBy: id === '' ? null : Number(id) }))}
          />
        )}
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
