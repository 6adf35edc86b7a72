import type { AppEvent, ErrorBody, Result } from '@contract';

/** What the renderer hears from the core: its events, plus "the connection came back" (events may be missed). */
export type ClientEvent = AppEvent | { type: 'connection.restored' };

/** How the admin UI reaches the core: IPC in the desktop app, HTTP in headless mode, a fake in tests. */
export interface Transport {
  readonly kind: 'ipc' | 'http' | 'none' | 'fake';
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: ClientEvent) => void): () => void;
}

export const UNAUTHORIZED_MESSAGE = 'Open the address printed by npm run serve.';

export const OFFLINE_MESSAGE = 'Sneaky Klaus is not answering. Is it still running?';

/** True for the transport's own "no answer" (not a core error that happens to say unavailable). */
export function isOffline(error: ErrorBody): boolean {
  return error.code === 'unavailable' && (error.details as { offline?: unknown } | undefined)?.offline === true;
}

export function failure(code: ErrorBody['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Used when there is neither a desktop bridge nor a secret: every call says how to get in. */
export const noTransport: Transport = {
  kind: 'none',
  call: () => Promise.resolve(failure('unauthorized', UNAUTHORIZED_MESSAGE)),
  subscribe: () => () => undefined,
};
