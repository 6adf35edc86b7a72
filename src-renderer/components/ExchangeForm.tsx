import { useState, type FormEvent } from 'react';
import type { OperationOutput } from '@contract';
import { LOCALE_NAMES, LOCALES, type Locale, type Translator } from '@i18n';
import {
  exchangeErrorKeys,
  exchangeFieldError,
  FORM_FIELD_SOURCE,
  santaRevealChoices,
  type ExchangeFormValues,
  type GiftsChoice,
  type SantaRevealChoice,
} from '../lib/exchange-form';
import { useT } from '../lib/i18n';
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

const GIFT_CHOICES: readonly GiftsChoice[] = ['1', '2', '3'];

function giftOptions(t: Translator): Array<{ value: GiftsChoice; label: string }> {
  return GIFT_CHOICES.map((value) => ({ value, label: t.t('parts.exchange.giftsEach', { count: Number(value) }) }));
}

/** Each language named in itself: whoever reads the emails finds theirs. */
export const LANGUAGE_OPTIONS: ReadonlyArray<{ value: Locale; label: string }> = LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }));

/** Name, place, budget, dates and gifts per person of an exchange; used to create and to edit. */
export function ExchangeForm(props: ExchangeFormProps) {
  const t = useT();
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
      {props.saved && <Notice tone="success">{t.t('parts.form.saved')}</Notice>}
      <div className="form-grid">
        <TextField label={t.t('parts.exchange.name')} {...common('name')} placeholder={t.t('parts.exchange.namePlaceholder')} required className="form-grid__wide" />
        <TextField label={t.t('parts.exchange.date')} type="datetime-local" {...common('exchangeAt')} required />
        <TextField label={t.t('parts.exchange.timezone')} {...common('timezone')} hint={t.t('parts.exchange.timezoneHint')} />
        <TextField label={t.t('parts.exchange.place')} {...common('location')} placeholder={t.t('parts.exchange.placePlaceholder')} />
        <TextField label={t.t('parts.exchange.deadline')} type="datetime-local" {...common('registrationDeadline')} hint={t.t('parts.exchange.deadlineHint')} />
        <TextField label={t.t('parts.exchange.budget')} {...common('budgetAmount')} placeholder="25" hint={t.t('parts.exchange.budgetHint')} />
        <TextField label={t.t('parts.exchange.currency')} {...common('budgetCurrency')} hint={t.t('parts.exchange.currencyHint')} />
        <TextField label={t.t('parts.exchange.maxParticipants')} type="number" min={2} {...common('maxParticipants')} hint={t.t('parts.exchange.maxParticipantsHint')} />
        <TextField label={t.t('parts.exchange.reminderDays')} {...common('reminderDays')} hint={t.t('parts.exchange.reminderDaysHint')} />
        <SelectField<Locale>
          label={t.t('parts.exchange.language')}
          name="locale"
          value={values.locale}
          options={LANGUAGE_OPTIONS}
          onChange={(locale) => setValues((v) => ({ ...v, locale }))}
          error={exchangeFieldError(errors, 'locale')}
          disabled={common('locale').disabled}
          hint={t.t('parts.exchange.languageHint')}
        />
        <SelectField<GiftsChoice>
          label={t.t('parts.exchange.gifts')}
          name="giftsPerPerson"
          value={values.giftsPerPerson}
          options={giftOptions(t)}
          onChange={(value) => setValues((v) => ({ ...v, giftsPerPerson: value }))}
          error={gifts.error}
          disabled={gifts.disabled}
          hint={t.t('parts.exchange.giftsHint')}
        />
        <TextArea
          label={t.t('parts.exchange.description')}
          {...common('description')}
          className="form-grid__wide"
          rows={3}
          placeholder={t.t('parts.exchange.descriptionPlaceholder')}
        />
        <SelectField<SantaRevealChoice>
          label={t.t('parts.exchange.reveal')}
          {...common('santaReveal')}
          value={(values.santaReveal as SantaRevealChoice) ?? 'never'}
          options={santaRevealChoices(t)}
          hint={t.t('parts.exchange.revealHint')}
        />
        <div className="form-grid__wide">
          <Checkbox
            label={t.t('parts.exchange.revealEmail')}
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
              {t.t('parts.form.cancel')}
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
