import { EXCHANGE_STATES } from '../contract/values';
import { EXCHANGE_FIELDS, type ExchangeField } from '../contract/values';
import type { Text } from '../i18n';
import { DomainError } from './errors';

export { EXCHANGE_STATES };
export type ExchangeState = (typeof EXCHANGE_STATES)[number];

export const EXCHANGE_ACTIONS = ['open', 'unpublish', 'close', 'reopen', 'draw', 'undo-draw', 'complete', 'cancel'] as const;
export type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number];

const TRANSITIONS: Record<ExchangeAction, { from: readonly ExchangeState[]; to: ExchangeState }> = {
  open: { from: ['draft'], to: 'registration_open' },
  unpublish: { from: ['registration_open'], to: 'draft' },
  close: { from: ['registration_open'], to: 'registration_closed' },
  reopen: { from: ['registration_closed'], to: 'registration_open' },
  // A list the organizer made by hand is drawn straight from the draft; drawing while registration
  // is open closes it as part of the draw (the draw fixes the list either way).
  draw: { from: ['draft', 'registration_open', 'registration_closed'], to: 'matched' },
  'undo-draw': { from: ['matched'], to: 'registration_closed' },
  complete: { from: ['matched'], to: 'completed' },
  cancel: { from: ['draft', 'registration_open', 'registration_closed', 'matched'], to: 'cancelled' },
};

/** The state an action leads to, or a DomainError saying why it cannot be done now. */
export function nextState(state: ExchangeState, action: ExchangeAction): ExchangeState {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(state)) return transition.to;
  throw new DomainError('invalid_state', refusal(state, action), { details: { state, action } });
}

export function allowedActions(state: ExchangeState): ExchangeAction[] {
  return EXCHANGE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state));
}

function refusal(state: ExchangeState, action: ExchangeAction): Text {
  if (state === 'completed') return { key: 'error.state.completed' };
  if (state === 'cancelled') return { key: 'error.state.cancelled' };
  if (action === 'draw') return { key: 'error.state.alreadyDrawn' };
  return { key: `error.state.cannot.${action}`, values: { state } };
}

/** What the organizer may still edit in each state (matching rules freeze at the draw: the draw was made under them). */
export type EditableGroup = 'details' | 'schedule' | 'matching' | 'participants';

export function editableGroups(state: ExchangeState): EditableGroup[] {
  switch (state) {
    case 'draft':
    case 'registration_open':
    case 'registration_closed':
      return ['details', 'schedule', 'matching', 'participants'];
    case 'matched':
      return ['details', 'schedule', 'participants'];
    case 'completed':
    case 'cancelled':
      return [];
  }
}

/** Which group each editable field of an exchange belongs to. */
export const EXCHANGE_FIELD_GROUPS: Record<ExchangeField, EditableGroup> = {
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
  giftsPerPerson: 'matching',
  avoidPastExchanges: 'matching',
  previousExchangeId: 'matching',
  santaReveal: 'details',
  santaRevealEmail: 'details',
  locale: 'details',
};

/** The exchange fields that can change in this state. */
export function editableFields(state: ExchangeState): ExchangeField[] {
  const groups = editableGroups(state);
  return EXCHANGE_FIELDS.filter((field) => groups.includes(EXCHANGE_FIELD_GROUPS[field]));
}

/** Why a group is locked in this state, as the organizer reads it; null when it is not. */
export function lockedMessage(state: ExchangeState, group: EditableGroup): Text | null {
  if (editableGroups(state).includes(group)) return null;
  return state === 'matched' ? { key: 'error.locked.drawn', values: { group } } : { key: 'error.locked.over', values: { state, group } };
}

/** One sentence for everything locked in this state, for the exchange view. */
export function lockedReason(state: ExchangeState): Text | null {
  if (state === 'matched') return { key: 'error.locked.drawn', values: { group: 'matching' } };
  if (state === 'completed' || state === 'cancelled') return { key: 'error.locked.everything', values: { state } };
  return null;
}

export function assertEditable(state: ExchangeState, group: EditableGroup): void {
  const message = lockedMessage(state, group);
  if (message === null) return;
  throw new DomainError('invalid_state', message, { details: { state, group } });
}

/** Registration accepts people only while open, before the deadline, and while there is room. */
export function registrationRefusal(
  exchange: { state: ExchangeState; registrationDeadlineAt: number | null; maxParticipants: number | null },
  activeCount: number,
  now: number,
): 'not-open' | 'closed' | 'full' | 'cancelled' | null {
  if (exchange.state === 'cancelled') return 'cancelled';
  if (exchange.state === 'draft') return 'not-open';
  if (exchange.state !== 'registration_open') return 'closed';
  if (exchange.registrationDeadlineAt !== null && now >= exchange.registrationDeadlineAt) return 'closed';
  if (exchange.maxParticipants !== null && activeCount >= exchange.maxParticipants) return 'full';
  return null;
}
