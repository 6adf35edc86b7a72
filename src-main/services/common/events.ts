import type { AppEvent } from '../../contract/events';
import type { Db } from '../../db/database';
import type { Logger } from '../../log';

export type EventListener = (event: AppEvent) => void;

/**
 * In-process fan-out to IPC, server-sent events, the relay and the scheduler. An event raised
 * inside a transaction is delivered once, after the commit (and never after a rollback): the same
 * event twice in one transaction is one delivery, so a 200-row import is one
 * `participants.changed`. A failing listener never breaks the emitter.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #log: Logger;
  readonly #db: Pick<Db, 'afterCommit'> | null;

  constructor(log: Logger, db: Pick<Db, 'afterCommit'> | null = null) {
    this.#log = log;
    this.#db = db;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    if (this.#db) this.#db.afterCommit(() => this.#deliver(event), `event:${JSON.stringify(event)}`);
    else this.#deliver(event);
  }

  #deliver(event: AppEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#log.warn('event listener failed', { type: event.type, error });
      }
    }
  }
}
