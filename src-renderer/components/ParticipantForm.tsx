import { useState, type FormEvent } from 'react';
import { LOCALE_NAMES, LOCALES, type Locale } from '@i18n';
import { deliveryOptions, type Delivery } from '../lib/delivery';
import { useT } from '../lib/i18n';
import { currentErrors, type FormErrors } from '../lib/issues';
import { useExchange } from '../stores/exchange';
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
  /** Their emails' and page's language; null: the exchange's. */
  locale: Locale | null;
}

export const EMPTY_PARTICIPANT: ParticipantFormValues = {
  name: '',
  email: '',
  delivery: 'email',
  deliveredBy: null,
  giftIdeas: '',
  remindersEnabled: true,
  isOrganizer: false,
  locale: null,
};

/** Only the editable fields of a participant (never ids or status flags); `locale` absent reads as the exchange's. */
export function participantFormValues(p: Omit<ParticipantFormValues, 'locale'> & { locale?: Locale | null }): ParticipantFormValues {
  return {
    name: p.name,
    email: p.email,
    delivery: p.delivery,
    deliveredBy: p.deliveredBy,
    giftIdeas: p.giftIdeas,
    remindersEnabled: p.remindersEnabled,
    isOrganizer: p.isOrganizer,
    locale: p.locale ?? null,
  };
}

export interface ParticipantFormProps {
  initial: ParticipantFormValues;
  errors: FormErrors;
  submitLabel: string;
  /** People who can pass a link on (they have an address); the person edited is left out by the caller. */
  deliverers: ReadonlyArray<{ id: number; name: string }>;
  busy?: boolean;
  /** The exchange's language, named in the "Same as the exchange" choice; else the open exchange's. */
  exchangeLocale?: Locale;
  onSubmit(values: ParticipantFormValues): void;
  onCancel(): void;
}

/** Add or edit one person. */
export function ParticipantForm(props: ParticipantFormProps) {
  const t = useT();
  const openExchangeLocale = useExchange((s) => s.exchange?.locale);
  const exchangeLocale = props.exchangeLocale ?? openExchangeLocale ?? t.locale;
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
        <TextField
          label={t.t('parts.participant.name')}
          name="name"
          autoComplete="off"
          value={values.name}
          error={errors.fields.name}
          onChange={(name) => setValues((v) => ({ ...v, name }))}
          required
        />
        <TextField
          label={t.t('parts.participant.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          error={errors.fields.email}
          hint={values.delivery === 'email' ? undefined : t.t('parts.participant.emailOptional')}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          required={values.delivery === 'email'}
        />
        <SelectField
          label={t.t('parts.participant.delivery')}
          name="delivery"
          value={values.delivery}
          options={deliveryOptions(t)}
          error={errors.fields.delivery}
          onChange={(delivery) => setValues((v) => ({ ...v, delivery, deliveredBy: delivery === 'delivered' ? (v.deliveredBy ?? props.deliverers[0]?.id ?? null) : null }))}
        />
        {values.delivery === 'delivered' && (
          <SelectField
            label={t.t('parts.participant.deliveredBy')}
            name="deliveredBy"
            value={values.deliveredBy === null ? '' : String(values.deliveredBy)}
            options={[{ value: '', label: t.t('parts.participant.chooseSomeone') }, ...props.deliverers.map((d) => ({ value: String(d.id), label: d.name }))]}
            error={errors.fields.deliveredBy}
            hint={t.t('parts.participant.deliveredByHint')}
            onChange={(id) => setValues((v) => ({ ...v, deliveredBy: id === '' ? null : Number(id) }))}
          />
        )}
        <TextArea
          label={t.t('parts.participant.giftIdeas')}
          name="giftIdeas"
          className="form-grid__wide"
          rows={2}
          value={values.giftIdeas}
          error={errors.fields.giftIdeas}
          hint={t.t('parts.participant.giftIdeasHint')}
          onChange={(giftIdeas) => setValues((v) => ({ ...v, giftIdeas }))}
        />
        <SelectField
          label={t.t('parts.participant.language')}
          name="locale"
          value={values.locale ?? ''}
          options={[
            { value: '', label: t.t('parts.participant.languageSame', { language: LOCALE_NAMES[exchangeLocale] }) },
            ...LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
          ]}
          error={errors.fields.locale}
          hint={t.t('parts.participant.languageHint')}
          onChange={(locale) => setValues((v) => ({ ...v, locale: locale === '' ? null : locale }))}
        />
      </div>
      <Checkbox label={t.t('parts.participant.reminders')} checked={values.remindersEnabled} onChange={(remindersEnabled) => setValues((v) => ({ ...v, remindersEnabled }))} />
      <Checkbox label={t.t('parts.participant.isOrganizer')} checked={values.isOrganizer} onChange={(isOrganizer) => setValues((v) => ({ ...v, isOrganizer }))} />
      <div className="row row--end">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t.t('parts.form.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
