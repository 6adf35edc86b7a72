import { revealsMatch } from '../lib/blind';
import type { OperationOutput } from '@contract';
import { create } from 'zustand';
import { call } from '../api/client';
import { nextBatch, type Batch } from '../lib/progress';
import { attempt, type ActionResult } from './result';

export type OutboxItem = OperationOutput<'outbox.list'>[number];
export type OutboxMessage = OperationOutput<'outbox.get'>;
export type OutboxStatus = OperationOutput<'outbox.status'>;
export type DisplayStatus = OutboxItem['status'];
export const STATUS_FILTERS = ['all', 'preview', 'queued', 'sending', 'sent', 'failed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

interface OutboxState {
  filter: StatusFilter;
  items: OutboxItem[] | null;
  status: OutboxStatus | null;
  selected: OutboxMessage | null;
  /** The batch being sent now, for the progress bar. */
  batch: Batch | null;
  error: string | null;
  load(): Promise<void>;
  setFilter(filter: StatusFilter): Promise<void>;
  /** `showPrivate`: fetch the text of an email that names a giftee (after the organizer confirmed). */
  select(id: number | null, showPrivate?: boolean): Promise<void>;
  resend(id: number): Promise<ActionResult<OutboxMessage>>;
  retryNow(id: number): Promise<ActionResult<OutboxMessage>>;
  retryFailed(): Promise<ActionResult<{ requeued: number }>>;
  setPaused(paused: boolean): Promise<ActionResult<OutboxStatus>>;
}

/** The list's own statuses are the display statuses; `pending` covers preview and queued. */
export function matchesFilter(item: OutboxItem, filter: StatusFilter): boolean {
  return filter === 'all' || item.status === filter;
}

/** Every email the app wrote, their counts by status, and the one being read. */
export const useOutbox = create<OutboxState>()((set, get) => ({
  filter: 'all',
  items: null,
  status: null,
  selected: null,
  batch: null,
  error: null,
  async load() {
    const [list, status] = await Promise.all([call('outbox.list', { limit: 500 }), call('outbox.status', {})]);
    if (list.ok) set({ items: list.value, error: null });
    else set({ error: list.error.message });
    if (status.ok) set({ status: status.value, batch: nextBatch(get().batch, status.value.counts) });
    const selected = get().selected;
    // Keep showing a private email's text only if the organizer already chose to read it.
    if (selected) await get().select(selected.id, revealsMatch(selected.kind) && !selected.hidden);
  },
  async setFilter(filter) {
    set({ filter });
    if (!get().items) await get().load();
  },
  async select(id, showPrivate = false) {
    if (id === null) return set({ selected: null });
    // The screen asks the organizer before passing showPrivate: that answer is the break-glass confirmation.
    const result = await call('outbox.get', { id, showPrivate, confirm: showPrivate });
    if (result.ok) set({ selected: result.value });
    else set({ error: result.error.message });
  },
  async resend(id) {
    const result = await attempt('outbox.resend', { id });
    if (result.ok) await get().load();
    return result;
  },
  async retryNow(id) {
    const result = await attempt('outbox.retryNow', { id });
    if (result.ok) await get().load();
    return result;
  },
  async retryFailed() {
    const result = await attempt('outbox.retryFailed', {});
    if (result.ok) await get().load();
    return result;
  },
  async setPaused(paused) {
    const result = await attempt('outbox.pause', { paused });
    if (result.ok) set({ status: result.value, batch: nextBatch(get().batch, result.value.counts) });
    return result;
  },
}));
