import type { OperationInput, OperationOutput } from '@contract';
import { create } from 'zustand';
import { call } from '../api/client';
import { attempt, type ActionResult } from './result';

export type ExchangeSummary = OperationOutput<'exchanges.list'>[number];
export type ExchangeView = OperationOutput<'exchanges.get'>;

export const EXCHANGE_FORM_FIELDS = [
  'name',
  'description',
  'location',
  'budget',
  'budget.amount',
  'budget.currency',
  'maxParticipants',
  'registrationDeadline',
  'exchangeAt',
  'timezone',
  'reminderDays',
  'matchMode',
  'avoidPastExchanges',
  'santaReveal',
  'santaRevealEmail',
] as const;

interface ExchangesState {
  list: ExchangeSummary[] | null;
  error: string | null;
  load(): Promise<void>;
  create(input: OperationInput<'exchanges.create'>): Promise<ActionResult<ExchangeView>>;
}

/** The list of exchanges (the home screen). */
export const useExchanges = create<ExchangesState>()((set, get) => ({
  list: null,
  error: null,
  async load() {
    const result = await call('exchanges.list', {});
    if (result.ok) set({ list: result.value, error: null });
    else set({ error: result.error.message });
  },
  async create(input) {
    const result = await attempt('exchanges.create', input, { fields: EXCHANGE_FORM_FIELDS });
    if (result.ok) await get().load();
    return result;
  },
}));
