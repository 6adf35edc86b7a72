import type { AppEvent } from '../../contract/events';
import type { Logger } from '../../log';

export type EventListener = (event: AppEvent) => void;

/** In-process fan-out to IPC / server-sent events. A failing listener never breaks the emitter. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#log.warn('event listener failed', { type: event.type, error });
      }
    }
  }
}
