import type { OperationInput, OperationName, OperationOutput } from '@contract';
import { create } from 'zustand';
import { currentT } from '../lib/i18n';
import { call } from '../api/client';
import { attempt, type ActionResult } from './result';

export type RulesView = OperationOutput<'rules.get'>;
export type DrawCheck = OperationOutput<'draw.check'>;
type Mode = NonNullable<OperationInput<'draw.check'>['mode']>;
type RuleOperation = Extract<OperationName, `rules.${string}`>;

export const HOUSEHOLD_FIELDS = ['name', 'memberIds'] as const;

interface RulesState {
  exchangeId: number | null;
  rules: RulesView | null;
  /** The live feasibility check, re-run after every rule or participant change. */
  check: DrawCheck | null;
  /** The latest check has not answered for a while (a group with awkward rules takes seconds): `check` is of the rules before. */
  checkSlow: boolean;
  /** The mode the organizer is looking at (null = the exchange's own). */
  mode: Mode | null;
  error: string | null;
  open(exchangeId: number): Promise<void>;
  refresh(): Promise<void>;
  recheck(mode?: Mode | null): Promise<void>;
  change<N extends RuleOperation>(name: N, input: OperationInput<N>): Promise<ActionResult<RulesView>>;
  setAvoidPastExchanges(years: number): Promise<ActionResult<unknown>>;
}

/** How many checks were asked for so far (see recheck). */
let checksAsked = 0;

/** After this long without its answer, a check is shown as running rather than the answer before it. */
export const SLOW_CHECK_MS = 400;

/** The check to show: none while a slow one runs, whose answer for the rules before would mislead (nor be drawn on). */
export const shownCheck = (state: { check: DrawCheck | null; checkSlow: boolean }): DrawCheck | null => (state.checkSlow ? null : state.check);

/** Exclusions, households and must-draw pairs of the exchange on screen, with the feasibility check. */
export const useRules = create<RulesState>()((set, get) => ({
  exchangeId: null,
  rules: null,
  check: null,
  checkSlow: false,
  mode: null,
  error: null,
  async open(exchangeId) {
    if (get().exchangeId !== exchangeId) set({ exchangeId, rules: null, check: null, checkSlow: false, mode: null, error: null });
    await get().refresh();
  },
  async refresh() {
    const exchangeId = get().exchangeId;
    if (exchangeId === null) return;
    const result = await call('rules.get', { exchangeId });
    if (get().exchangeId !== exchangeId) return;
    if (result.ok) set({ rules: result.value, error: null });
    else set({ error: result.error.message });
    await get().recheck();
  },
  async recheck(mode) {
    const exchangeId = get().exchangeId;
    if (exchangeId === null) return;
    if (mode !== undefined) set({ mode });
    const chosen = get().mode;
    const asked = ++checksAsked;
    const slow = setTimeout(() => asked === checksAsked && set({ checkSlow: true }), SLOW_CHECK_MS);
    const result = await call('draw.check', chosen ? { exchangeId, mode: chosen } : { exchangeId });
    clearTimeout(slow);
    // Only the latest check speaks: an earlier one may answer later, about rules since changed.
    if (asked !== checksAsked || get().exchangeId !== exchangeId || get().mode !== chosen) return;
    set(result.ok ? { check: result.value, checkSlow: false } : { checkSlow: false });
  },
  async change(name, input) {
    const result = (await attempt(name, input as never, { fields: HOUSEHOLD_FIELDS })) as ActionResult<RulesView>;
    if (result.ok) {
      set({ rules: result.value });
      // Not waited for: the next rule can be made while a slow check runs (the newest check wins).
      void get().recheck();
    }
    return result;
  },
  async setAvoidPastExchanges(years) {
    const exchangeId = get().exchangeId;
    if (exchangeId === null) {
      const message = currentT().t('admin.store.noExchange');
      return { ok: false, error: { code: 'invalid_state', message }, errors: { general: message, fields: {} } };
    }
    const result = await attempt('exchanges.update', { exchangeId, patch: { avoidPastExchanges: years } }, { prefix: 'patch.', fields: ['avoidPastExchanges'] });
    if (result.ok) await get().refresh();
    return result;
  },
}));
