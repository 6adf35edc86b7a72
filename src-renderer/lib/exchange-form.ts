import type { OperationInput, OperationOutput } from '@contract';
import { isLocale, type Locale, type MessageKey, type Translator } from '@i18n';
import { exchangeProblems, parseReminderDays, type CheckGroup, type ExchangeCheckInput } from './exchange-checks';
import { currentT } from './i18n';
import type { FormErrors } from './issues';

type ExchangeView = OperationOutput<'exchanges.get'>;
type CreateInput = OperationInput<'exchanges.create'>;
type Patch = OperationInput<'exchanges.update'>['patch'];
export type EditableGroup = ExchangeView['editable'][number];

/** Giftees per person as the select holds it. */
export type GiftsChoice = '1' | '2' | '3';

/** The exchange form's fields as the inputs hold them (strings), before conversion. */
export type ExchangeFormValues = ExchangeCheckInput & {
  giftsPerPerson: GiftsChoice;
  /** When participants learn who their Santa was: never | after_party | manual. */
  santaReveal: string;
  /** 'yes': email each participant their Santa's name when it is revealed. */
  santaRevealEmail: string;
  /** The language of the exchange's emails and pages (a participant may choose another). */
  locale: Locale;
};

export type SantaRevealChoice = ExchangeView['santaReveal'];

const SANTA_REVEAL_KEYS: ReadonlyArray<{ value: SantaRevealChoice; key: MessageKey }> = [
  { value: 'never', key: 'parts.exchange.revealNever' },
  { value: 'after_party', key: 'parts.exchange.revealAfterParty' },
  { value: 'manual', key: 'parts.exchange.revealManual' },
];

/** The organizer's words for each reveal mode (the setting and the exchange page use them). */
export function santaRevealChoices(t: Translator = currentT()): Array<{ value: SantaRevealChoice; label: string }> {
  return SANTA_REVEAL_KEYS.map(({ value, key }) => ({ value, label: t.t(key) }));
}

type ExchangeField = ExchangeView['editableFields'][number];

/** Which exchange field each input edits (the two budget inputs edit one field). Not policy: the
 * exchange view says which fields can change now. */
export const FORM_FIELD_SOURCE: Record<keyof ExchangeFormValues, ExchangeField> = {
  name: 'name',
  description: 'description',
  location: 'location',
  budgetAmount: 'budget',
  budgetCurrency: 'budget',
  maxParticipants: 'maxParticipants',
  registrationDeadline: 'registrationDeadline',
  exchangeAt: 'exchangeAt',
  timezone: 'timezone',
  reminderDays: 'reminderDays',
  giftsPerPerson: 'giftsPerPerson',
  santaReveal: 'santaReveal',
  santaRevealEmail: 'santaRevealEmail',
  locale: 'locale',
};

/** Every field of a new exchange can be set. */
export const ALL_FIELDS: readonly ExchangeField[] = [...new Set(Object.values(FORM_FIELD_SOURCE))];

/** A new exchange; its language is the organizer's unless the caller says otherwise. */
export function emptyExchangeForm(defaults: { timezone: string; currency: string; reminderDays: readonly number[]; locale?: Locale }): ExchangeFormValues {
  return {
    name: '',
    description: '',
    location: '',
    budgetAmount: '',
    budgetCurrency: defaults.currency,
    maxParticipants: '',
    registrationDeadline: '',
    exchangeAt: '',
    timezone: defaults.timezone,
    reminderDays: defaults.reminderDays.join(', '),
    giftsPerPerson: '1',
    santaReveal: 'never',
    santaRevealEmail: '',
    locale: defaults.locale ?? currentT().locale,
  };
}

export function exchangeFormValues(view: ExchangeView): ExchangeFormValues {
  return {
    name: view.name,
    description: view.description,
    location: view.location,
    budgetAmount: view.budget?.amount ?? '',
    budgetCurrency: view.budget?.currency ?? 'EUR',
    maxParticipants: view.maxParticipants === null ? '' : String(view.maxParticipants),
    registrationDeadline: view.registrationDeadline?.slice(0, 16) ?? '',
    exchangeAt: view.exchangeAt.slice(0, 16),
    timezone: view.timezone,
    reminderDays: view.reminderDays.join(', '),
    giftsPerPerson: String(view.giftsPerPerson) as GiftsChoice,
    santaReveal: view.santaReveal,
    santaRevealEmail: view.santaRevealEmail ? 'yes' : '',
    locale: view.locale,
  };
}

type Converted = { ok: true; fields: Omit<CreateInput, 'matchMode' | 'avoidPastExchanges' | 'previousExchangeId'> } | { ok: false; errors: FormErrors };

/**
 * Turns the inputs into the operation's fields, or names every problem at once (only in the groups
 * that can still change: a drawn exchange's date in the past is not the organizer's to fix).
 */
export function convertExchangeForm(values: ExchangeFormValues, now: number, editable: readonly EditableGroup[] = ['details', 'schedule'], t: Translator = currentT()): Converted {
  const groups = editable.filter((g): g is CheckGroup => g === 'details' || g === 'schedule');
  const problems = exchangeProblems(values, now, groups, t);
  if (Object.keys(problems).length > 0) return { ok: false, errors: { general: problemsSummary(Object.keys(problems).length, t), fields: problems, summary: true } };
  const amount = values.budgetAmount.trim();
  const max = values.maxParticipants.trim();
  return {
    ok: true,
    fields: {
      name: values.name,
      description: values.description,
      location: values.location,
      budget: amount === '' ? null : { amount, currency: values.budgetCurrency.trim().toUpperCase() },
      maxParticipants: max === '' ? null : Number(max),
      registrationDeadline: values.registrationDeadline === '' ? null : values.registrationDeadline,
      exchangeAt: values.exchangeAt,
      timezone: values.timezone.trim(),
      reminderDays: parseReminderDays(values.reminderDays),
      giftsPerPerson: Number(values.giftsPerPerson) as 1 | 2 | 3,
      santaReveal: SANTA_REVEAL_KEYS.find((c) => c.value === values.santaReveal)?.value ?? 'never',
      santaRevealEmail: values.santaRevealEmail === 'yes',
      locale: isLocale(values.locale) ? values.locale : t.locale,
    },
  };
}

/** The line above a form with mistakes: how many, so nobody stops after fixing the first. */
export function problemsSummary(count: number, t: Translator = currentT()): string {
  return t.t('parts.form.fixFields', { count });
}

/** Keeps only the fields the exchange view says can change now. */
export function editablePatch(fields: Patch, editableFields: readonly ExchangeField[]): Patch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (editableFields.includes(key as ExchangeField)) patch[key] = value;
  }
  return patch as Patch;
}

/** Budget issues (`budget.amount`, `budget.currency`) land on the form's two budget inputs. */
export function exchangeFieldError(errors: FormErrors, field: keyof ExchangeFormValues): string | undefined {
  switch (field) {
    case 'budgetAmount':
      return errors.fields.budgetAmount ?? errors.fields['budget.amount'] ?? errors.fields.budget;
    case 'budgetCurrency':
      return errors.fields.budgetCurrency ?? errors.fields['budget.currency'];
    default:
      return errors.fields[field];
  }
}

/** The error keys a form input answers for (the core names the budget `budget.amount`). */
export function exchangeErrorKeys(field: keyof ExchangeFormValues): readonly string[] {
  if (field === 'budgetAmount') return ['budgetAmount', 'budget.amount', 'budget'];
  if (field === 'budgetCurrency') return ['budgetCurrency', 'budget.currency'];
  return [field];
}
