import type { OperationInput, OperationOutput } from '@contract';
import { create } from 'zustand';
import { currentT } from '../lib/i18n';
import { call } from '../api/client';
import { EXCHANGE_FORM_FIELDS, type ExchangeView } from './exchanges';
import { attempt, type ActionResult } from './result';

export type TransitionAction = OperationInput<'exchanges.transition'>['action'];
export type InviteLink = OperationOutput<'exchanges.inviteLink'>;
export type RevealView = OperationOutput<'exchanges.reveal'>;
export type DrawView = OperationOutput<'exchanges.draw'>;
type Patch = OperationInput<'exchanges.update'>['patch'];
type Mode = NonNullable<OperationInput<'exchanges.draw'>['mode']>;

/** Undoing a draw after emails went out needs a second, explicit yes. */
export type UndoResult = ActionResult<ExchangeView> | { ok: false; needsConfirm: number; message: string };

interface ExchangeState {
  exchangeId: number | null;
  exchange: ExchangeView | null;
  error: string | null;
  invite: InviteLink | null;
  /** Who drew whom, only after the organizer confirmed "Reveal"; forgotten when leaving the page. */
  revealed: RevealView | null;
  open(exchangeId: number): Promise<void>;
  refresh(): Promise<void>;
  loadInvite(): Promise<void>;
  update(patch: Patch): Promise<ActionResult<ExchangeView>>;
  transition(action: TransitionAction): Promise<ActionResult<ExchangeView>>;
  draw(mode: Mode): Promise<ActionResult<DrawView>>;
  undoDraw(confirm: boolean): Promise<UndoResult>;
  reveal(): Promise<ActionResult<RevealView>>;
  hideReveal(): void;
  /** "Reveal to everyone": each participant's page names their own Santa; the organizer sees nothing. */
  revealSantas(): Promise<ActionResult<ExchangeView>>;
  replaceInviteCode(): Promise<ActionResult<ExchangeView>>;
  remove(): Promise<ActionResult<{ done: true }>>;
}

/** The exchange on screen: its details, what can be done to it, and its invite link. */
export const useExchange = create<ExchangeState>()((set, get) => {
  /** Applies a fresh view only if the page still shows that exchange. */
  const apply = (view: ExchangeView) => {
    if (get().exchangeId === view.id) set({ exchange: view, error: null });
  };
  const current = (): number => {
    const id = get().exchangeId;
    if (id === null) throw new Error(currentT().t('admin.store.noExchange'));
    return id;
  };

  return {
    exchangeId: null,
    exchange: null,
    error: null,
    invite: null,
    revealed: null,
    async open(exchangeId) {
      if (get().exchangeId !== exchangeId) set({ exchangeId, exchange: null, invite: null, revealed: null, error: null });
      await Promise.all([get().refresh(), get().loadInvite()]);
    },
    async refresh() {
      const exchangeId = get().exchangeId;
      if (exchangeId === null) return;
      const result = await call('exchanges.get', { exchangeId });
      if (get().exchangeId !== exchangeId) return;
      if (result.ok) apply(result.value);
      else set({ error: result.error.message });
    },
    async loadInvite() {
      const exchangeId = get().exchangeId;
      if (exchangeId === null) return;
      const result = await call('exchanges.inviteLink', { exchangeId });
      if (result.ok && get().exchangeId === exchangeId) set({ invite: result.value });
    },
    async update(patch) {
      const result = await attempt('exchanges.update', { exchangeId: current(), patch }, { prefix: 'patch.', fields: EXCHANGE_FORM_FIELDS });
      if (result.ok) apply(result.value);
      return result;
    },
    async transition(action) {
      const result = await attempt('exchanges.transition', { exchangeId: current(), action });
      if (result.ok) apply(result.value);
      return result;
    },
    async draw(mode) {
      const result = await attempt('exchanges.draw', { exchangeId: current(), mode });
      if (result.ok) apply(result.value.exchange);
      return result;
    },
    async undoDraw(confirm) {
      const result = await attempt('exchanges.undoDraw', { exchangeId: current(), confirm });
      if (result.ok) {
        apply(result.value);
        set({ revealed: null });
        return result;
      }
      const notified = (result.error.details as { alreadyNotified?: unknown } | undefined)?.alreadyNotified;
      if (result.error.code === 'conflict' && typeof notified === 'number') {
        return { ok: false, needsConfirm: notified, message: result.error.message };
      }
      return result;
    },
    async reveal() {
      const result = await attempt('exchanges.reveal', { exchangeId: current(), confirm: true });
      if (result.ok) set({ revealed: result.value });
      return result;
    },
    hideReveal() {
      set({ revealed: null });
    },
    async revealSantas() {
      const result = await attempt('exchanges.revealSantas', { exchangeId: current() });
      if (result.ok) apply(result.value);
      return result;
    },
    async replaceInviteCode() {
      const result = await attempt('exchanges.replaceInviteCode', { exchangeId: current() });
      if (result.ok) {
        apply(result.value);
        await get().loadInvite();
      }
      return result;
    },
    async remove() {
      const result = await attempt('exchanges.delete', { exchangeId: current() });
      if (result.ok) set({ exchangeId: null, exchange: null, invite: null, revealed: null });
      return result;
    },
  };
});
