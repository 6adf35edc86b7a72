import type { OperationOutput } from '@contract';

type ExchangeView = OperationOutput<'exchanges.get'>;
type Participant = OperationOutput<'participants.list'>[number];

export function exchangeView(overrides: Partial<ExchangeView> = {}): ExchangeView {
  return {
    id: 1,
    name: 'Family Christmas',
    description: '',
    location: '',
    budget: { amount: '25', currency: 'EUR' },
    maxParticipants: null,
    registrationDeadline: null,
    registrationDeadlineAt: null,
    exchangeAt: '2030-12-24T18:00',
    exchangeAtUtc: 1924966800000,
    timezone: 'Europe/Berlin',
    reminderDays: [7, 3, 1],
    matchMode: 'single-loop',
    giftsPerPerson: 1,
    avoidPastExchanges: 0,
    previousExchangeId: null,
    inviteCode: 'abc',
    state: 'draft',
    allowedActions: ['open', 'draw', 'cancel'],
    editable: ['details', 'schedule', 'matching', 'participants'],
    editableFields: [
      'name',
      'description',
      'location',
      'budget',
      'maxParticipants',
      'registrationDeadline',
      'exchangeAt',
      'timezone',
      'reminderDays',
      'matchMode',
      'giftsPerPerson',
      'avoidPastExchanges',
      'previousExchangeId',
      'santaReveal',
      'santaRevealEmail',
    ],
    lockedReason: null,
    participantCount: 0,
    drawnAt: null,
    drawMethod: null,
    completedAt: null,
    cancelledAt: null,
    createdAt: 1,
    updatedAt: 1,
    santaReveal: 'never',
    santaRevealEmail: false,
    santasRevealedAt: null,
    ...overrides,
  };
}

export function participant(id: number, name: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    exchangeId: 1,
    name,
    email: `${name.toLowerCase()}@example.test`,
    giftIdeas: '',
    remindersEnabled: true,
    isOrganizer: false,
    emailConfirmed: false,
    assignmentViewed: false,
    withdrawn: false,
    householdId: null,
    sharesAddressWith: [],
    createdAt: 1,
    invitation: 'none',
    addressGiven: false,
    ...overrides,
  };
}
