import type { OperationInput, OperationOutput } from '@contract';
import type { FormErrors } from './issues';

type ExchangeView = OperationOutput<'exchanges.get'>;
type CreateInput = OperationInput<'exchanges.create'>;
type Patch = OperationInput<'exchanges.update'>['patch'];
export type EditableGroup = ExchangeView['editable'][number];

/** The exchange form's fields as the inputs hold them (strings), before conversion. */
export interface ExchangeFormValues {
  name: string;
  description: string;
  location: string;
  budgetAmount: string;
  budgetCurrency: string;
  maxParticipants: string;
  registrationDeadline: string;
  exchangeAt: string;
  timezone: string;
  reminderDays: string;
}

export const FIELD_GROUPS: Record<keyof ExchangeFormValues, EditableGroup> = {
  name: 'details',
  description: 'details',
  location: 'details',
  budgetAmount: 'details',
  budgetCurrency: 'details',
  maxParticipants: 'details',
  registrationDeadline: 'schedule',
  exchangeAt: 'schedule',
  timezone: 'schedule',
  reminderDays: 'schedule',
};

export function emptyExchangeForm(defaults: { timezone: string; currency: string; reminderDays: readonly number[] }): ExchangeFormValues {
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
  };
}

type Converted = { ok: true; fields: Omit<CreateInput, 'matchMode' | 'avoidHistoryYears' | 'previousExchangeId'> } | { ok: false; errors: FormErrors };

/** Turns the inputs into the operation's fields; numbers that are not numbers are named here. */
export function convertExchangeForm(values: ExchangeFormValues): Converted {
  const fields: Record<string, string> = {};
  const days = values.reminderDays
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  if (days.some((d) => !Number.isInteger(d))) fields.reminderDays = 'Write the days as whole numbers, like 7, 3, 1.';
  const max = values.maxParticipants.trim();
  if (max !== '' && !/^\d+$/.test(max)) fields.maxParticipants = 'Write a whole number, or leave it empty for no limit.';
  if (values.exchangeAt === '') fields.exchangeAt = 'Choose the date and time of the exchange.';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { general: 'Please check the fields marked below.', fields } };
  const amount = values.budgetAmount.trim();
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
      timezone: values.timezone,
      reminderDays: days,
    },
  };
}

const PATCH_GROUPS: Record<keyof Patch & string, EditableGroup> = {
  name: 'details',
  description: 'details',
  location: 'details',
  budget: 'details',
  maxParticipants: 'details',
  registrationDeadline: 'schedule',
  exchangeAt: 'schedule',
  timezone: 'schedule',
  reminderDays: 'schedule',
  matchMode: 'matching',
  avoidHistoryYears: 'matching',
  previousExchangeId: 'matching',
};

/** Keeps only the fields the exchange's state still allows to change. */
export function editablePatch(fields: Patch, editable: readonly EditableGroup[]): Patch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const group = PATCH_GROUPS[key as keyof typeof PATCH_GROUPS];
    if (group && editable.includes(group)) patch[key] = value;
  }
  return patch as Patch;
}

/** Budget issues (`budget.amount`, `budget.currency`) land on the form's two budget inputs. */
export function exchangeFieldError(errors: FormErrors, field: keyof ExchangeFormValues): string | undefined {
  switch (field) {
    case 'budgetAmount':
      return errors.fields['budget.amount'] ?? errors.fields.budget;
    case 'budgetCurrency':
      return errors.fields['budget.currency'];
    default:
      return errors.fields[field];
  }
}
