import type { OperationOutput } from '@contract';
import { create } from 'zustand';
import { currentT } from '../lib/i18n';
import { call } from '../api/client';
import { attempt, type ActionResult } from './result';

export type TableStatus = OperationOutput<'tableDraw.status'>;
export type TableLink = OperationOutput<'tableDraw.open'>;
export type CardsStatus = OperationOutput<'cards.status'>;
export type PrintedCards = OperationOutput<'cards.print'>;
export type CardStyle = PrintedCards['style'];

interface EveryoneState {
  exchangeId: number | null;
  table: TableStatus | null;
  cards: CardsStatus | null;
  error: string | null;
  open(exchangeId: number): Promise<void>;
  refresh(): Promise<void>;
  openTable(): Promise<ActionResult<TableLink>>;
  closeTable(): Promise<ActionResult<{ done: true }>>;
  /** `confirm` only for the full style, after the organizer said yes (it is recorded). */
  print(participantIds: number[], style: CardStyle, confirm: boolean): Promise<ActionResult<PrintedCards>>;
}

/** The table draw and printed cards of the exchange on screen: who looked and what was printed, never whom anyone drew. */
export const useEveryone = create<EveryoneState>()((set, get) => {
  const current = (): number => {
    const id = get().exchangeId;
    if (id === null) throw new Error(currentT().t('admin.store.noExchange'));
    return id;
  };
  return {
    exchangeId: null,
    table: null,
    cards: null,
    error: null,
    async open(exchangeId) {
      if (get().exchangeId !== exchangeId) set({ exchangeId, table: null, cards: null, error: null });
      await get().refresh();
    },
    async refresh() {
      const exchangeId = get().exchangeId;
      if (exchangeId === null) return;
      const [table, cards] = await Promise.all([call('tableDraw.status', { exchangeId }), call('cards.status', { exchangeId })]);
      if (get().exchangeId !== exchangeId) return;
      set({ table: table.ok ? table.value : null, cards: cards.ok ? cards.value : null, error: table.ok ? (cards.ok ? null : cards.error.message) : table.error.message });
    },
    async openTable() {
      const result = await attempt('tableDraw.open', { exchangeId: current() });
      await get().refresh();
      return result;
    },
    async closeTable() {
      const result = await attempt('tableDraw.close', { exchangeId: current() });
      await get().refresh();
      return result;
    },
    async print(participantIds, style, confirm) {
      const result = await attempt('cards.print', { exchangeId: current(), participantIds, style, confirm });
      await get().refresh();
      return result;
    },
  };
});
