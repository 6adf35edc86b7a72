import { useState, type FormEvent } from 'react';
import type { OperationOutput } from '@contract';
import {
  exchangeErrorKeys,
  exchangeFieldError,
  FORM_FIELD_SOURCE,
  SANTA_REVEAL_CHOICES,
  type ExchangeFormValues,
  type GiftsChoice,
  type SantaRevealChoice,
} from '../lib/exchange-form';
import { currentErrors, type FormErrors } from '../lib/issues';
import { Checkbox, SelectField, TextArea, TextField } from './Fields';
import { Notice } from './Notice';

export interface ExchangeFormProps {
  initial: ExchangeFormValues;
  errors: FormErrors;
  /** The fields the exchange view says can change now; the others are shown disabled. */
  editableFields: readonly OperationOutput<'exchanges.get'>['editableFields'][number][];
  submitLabel: string;
  busy?: boolean;
  saved?: boolean;
  onSubmit(values: ExchangeFormValues): void;
  onCancel?: () => void;
}

const GIFT_OPTIONS: ReadonlyArray<{ value: GiftsChoice; label: string }> = [
  { value: '1', label: '1 giftee each' },
  { value: '2', label: '2 giftees each' },
  { value: '3', label: '3 giftees each' },
];

/** Name, place, budget, dates and gifts per person of an exchange; used to create and to edit. */
export function ExchangeForm(props: ExchangeFormProps) {
  const [values, setValues] = useState(props.initial);
  // What was sent last: a message stays on a field only until that field is changed.
  const [sent, setSent] = useState<ExchangeFormValues | null>(null);
  const errors = currentErrors(props.errors, sent, values, exchangeErrorKeys);
  const set = (field: keyof ExchangeFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const common = (field: keyof ExchangeFormValues) => ({
    value: values[field],
    onChange: set(field),
    error: exchangeFieldError(errors, field),
    disabled: !props.editableFields.includes(FORM_FIELD_SOURCE[field]) || props.busy,
    name: field,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(values);
    props.onSubmit(values);
  };
  const nothingEditable = props.editableFields.length === 0;
  const gifts = common('giftsPerPerson');

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {errors.general && <Notice tone="error">{errors.general}</Notice>}
      {props.saved && <Notice tone="success">Saved.</Notice>}
      <div className="form-grid">
        <TextField label="Name" {...common('name')} placeholder="Family Christmas 2026" required className="form-grid__wide" />
        <TextField label="Date and time of the exchange" type="datetime-local" {...common('exchangeAt')} required />
        <TextField label="Timezone" {...common('timezone')} hint="Like Europe/Berlin. Dates are shown in this zone." />
        <TextField label="Place" {...common('location')} placeholder="Grandma's living room" />
        <TextField label="Registration closes" type="datetime-local" {...common('registrationDeadline')} hint="Optional. Registration closes by itself at this time." />
        <TextField label="Budget" {...common('budgetAmount')} placeholder="25" hint="Optional. An amount like 25 or 25.50." />
        <TextField label="Currency" {...common('budgetCurrency')} hint="Three letters, like EUR or USD." />
        <TextField label="Most participants" type="number" min={2} {...common('maxParticipants')} hint="Optional. Leave empty for no limit." />
        <TextField label="Reminders (days before)" {...common('reminderDays')} hint="Separated by commas, like 7, 3, 1." />
        <SelectField<GiftsChoice>
          label="Gifts per person"
          name="giftsPerPerson"
          value={values.giftsPerPerson}
          options={GIFT_OPTIONS}
          onChange={(value) => setValues((v) => ({ ...v, giftsPerPerson: value }))}
          error={gifts.error}
          disabled={gifts.disabled}
          hint="Everyone gives this many gifts, to different people, and receives as many. More gifts need a bigger group (5 people for 2 each without mutual pairs). Can change until names are drawn."
        />
        <TextArea
          label="Message for participants"
          {...common('description')}
          className="form-grid__wide"
          rows={3}
          placeholder="Anything people should know: the theme, the dress code…"
        />
        <SelectField<SantaRevealChoice>
          label="Participants learn who their Santa was"
          {...common('santaReveal')}
          value={(values.santaReveal as SantaRevealChoice) ?? 'never'}
          options={SANTA_REVEAL_CHOICES}
          hint="Each person sees only their own Santa, on their page. You still see no pairs."
        />
        <div className="form-grid__wide">
          <Checkbox
            label="Also email each participant their Santa’s name when it is revealed"
            name="santaRevealEmail"
            checked={values.santaRevealEmail === 'yes'}
            disabled={!props.editableFields.includes('santaRevealEmail') || props.busy || values.santaReveal === 'never'}
            onChange={(checked) => setValues((v) => ({ ...v, santaRevealEmail: checked ? 'yes' : '' }))}
          />
        </div>
      </div>
      {!nothingEditable && (
        <div className="row row--end">
          {props.onCancel && (
            <button type="button" className="btn" onClick={props.onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn--primary" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </div>
      )}
    </form>
  );
}
