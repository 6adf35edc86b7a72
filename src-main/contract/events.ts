/** Pushed from the core to open admin screens (IPC or server-sent events) so they refresh. */
export type AppEvent =
  | { type: 'exchange.changed'; exchangeId: number }
  | { type: 'exchange.deleted'; exchangeId: number }
  | { type: 'participants.changed'; exchangeId: number }
  | { type: 'rules.changed'; exchangeId: number }
  | { type: 'settings.changed' }
  | { type: 'outbox.changed'; sent?: number; failed?: number }
  | { type: 'jobs.changed' };

export type AppEventType = AppEvent['type'];
