import type { AppEvent, ErrorBody, Result } from '@contract';
import { DEFAULT_LOCALE, matchLocale, translator, type Translator } from '@i18n';

/** What the renderer hears from the core: its events, plus "the connection came back" (events may be missed). */
export type ClientEvent = AppEvent | { type: 'connection.restored' };

/** How the admin UI reaches the core: IPC in the desktop app, HTTP in headless mode, a fake in tests. */
export interface Transport {
  readonly kind: 'ipc' | 'http' | 'none' | 'fake';
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: ClientEvent) => void): () => void;
}

/**
 * The screens' language for the transport's own messages: the one the provider put on `<html lang>`
 * (read at the moment, so it follows a change). Not from the settings store, which sits above the
 * transport and would make the import go round in a circle.
 */
export function transportT(): Translator {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return translator(matchLocale(lang) ?? DEFAULT_LOCALE);
}

export function unauthorizedMessage(): string {
  return transportT().t('admin.api.unauthorized', { command: 'npm run serve' });
}

export function offlineMessage(): string {
  return transportT().t('admin.api.offline');
}

/** The server answered, but not with a result we can read. */
export function unreadableMessage(status: number): string {
  return transportT().t('admin.api.unreadable', { status: String(status) });
}

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
  call: () => Promise.resolve(failure('unauthorized', unauthorizedMessage())),
  subscribe: () => () => undefined,
};
