import { EXCHANGE_STATES } from '../contract/common';
import { EXCHANGE_FIELDS, type ExchangeField } from '../contract/exchanges';
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

export const STATE_LABELS: Record<ExchangeState, string> = {
  draft: 'draft',
  registration_open: 'open for registration',
  registration_closed: 'closed for registration',
  matched: 'drawn',
  completed: 'completed',
  cancelled: 'cancelled',
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

function refusal(state: ExchangeState, action: ExchangeAction): string {
  const label = STATE_LABELS[state];
  if (state === 'completed') return 'This exchange is completed; it can no longer be changed.';
  if (state === 'cancelled') return 'This exchange was cancelled; it can no longer be changed.';
  switch (action) {
    case 'open':
      return `Registration can only be opened from a draft; this exchange is ${label}.`;
    case 'unpublish':
      return `Only an exchange open for registration can go back to draft; this one is ${label}.`;
    case 'close':
      return `Registration can only be closed while it is open; this exchange is ${label}.`;
    case 'reopen':
      return `Registration can only be reopened after it was closed; this exchange is ${label}.`;
    case 'draw':
      return 'Names were already drawn. Undo the draw or re-draw instead.';
    case 'undo-draw':
      return `There is no draw to undo; this exchange is ${label}.`;
    case 'complete':
      return `Only a drawn exchange can be completed; this exchange is ${label}.`;
    case 'cancel':
      return `This exchange cannot be cancelled; it is ${label}.`;
  }
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

const GROUP_WORDS: Record<EditableGroup, string> = { details: 'details', schedule: 'dates', matching: 'matching rules', participants: 'participants' };

/** Why a group is locked in this state, as the organizer reads it; null when it is not. */
export function lockedMessage(state: ExchangeState, group: EditableGroup): string | null {
  if (editableGroups(state).includes(group)) return null;
  const what = GROUP_WORDS[group];
  return state === 'matched'
    ? `Names were already drawn, so the ${what} cannot change. Undo the draw first.`
    : `This exchange is ${STATE_LABELS[state]}; its ${what} can no longer be changed.`;
}

/** One sentence for everything locked in this state, for the exchange view. */
export function lockedReason(state: ExchangeState): string | null {
  if (state === 'matched') return 'Names were already drawn, so the matching rules cannot change. Undo the draw first.';
  if (state === 'completed' || state === 'cancelled') return `This exchange is ${STATE_LABELS[state]}; nothing about it can change any more.`;
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
