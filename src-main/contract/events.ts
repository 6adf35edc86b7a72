/** What a long operation is doing, for the screens and the tray ("Importing 4,200 of 10,000"). */
export interface WorkProgress {
  /** One per run of an operation: two imports at once are two lines. */
  id: string;
  kind: 'draw' | 'import' | 'match-mail' | 'catch-up';
  exchangeId: number | null;
  /** Rows (or units) done so far, of how many. */
  done: number;
  total: number;
  /** The last event of a run: it ended (done or not), and nothing more comes for this id. */
  finished: boolean;
}

/** Pushed from the core to open admin screens (IPC or server-sent events) so they refresh. */
export type AppEvent =
  | { type: 'exchange.changed'; exchangeId: number }
  | { type: 'exchange.deleted'; exchangeId: number }
  | { type: 'participants.changed'; exchangeId: number }
  | { type: 'rules.changed'; exchangeId: number }
  | { type: 'settings.changed' }
  | { type: 'outbox.changed'; sent?: number; failed?: number }
  | { type: 'jobs.changed' }
  /** At most a few per second per run (services/common/progress.ts). */
  | { type: 'work.progress'; progress: WorkProgress };

export type AppEventType = AppEvent['type'];
