import type { AppEvent, Result } from '@contract';
import { failure, offlineMessage, unauthorizedMessage, unreadableMessage, type ClientEvent, type Transport } from './transport';

/** The printed secret (loopback, or a page opened from the printed address), or a password sign-in. */
export type HttpAuth = { secret: string } | { csrfToken: string };

export type HttpTransportOptions = HttpAuth & {
  /** Defaults to the page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
};

/**
 * Headless mode: `POST /rpc/<operation>` with `Authorization: Bearer <secret>`, and server-sent
 * events from `GET /events?secret=…` (EventSource cannot send headers). After a password sign-in
 * the httpOnly session cookie goes with every same-origin request (events included) and each
 * POST repeats the CSRF token in `x-csrf-token`.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const Source = options.EventSource ?? globalThis.EventSource;
  const listeners = new Set<(event: ClientEvent) => void>();
  let source: EventSource | null = null;
  let lostConnection = false;
  const authHeaders: Record<string, string> = 'secret' in options ? { authorization: `Bearer ${options.secret}` } : { 'x-csrf-token': options.csrfToken };

  const emit = (event: ClientEvent) => {
    for (const listener of listeners) listener(event);
  };

  function open(): void {
    if (source || typeof Source !== 'function') return;
    source = new Source('secret' in options ? `${base}/events?secret=${encodeURIComponent(options.secret)}` : `${base}/events`, { withCredentials: true });
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      if (event) emit(event);
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      if (!lostConnection) return;
      lostConnection = false;
      emit({ type: 'connection.restored' });
    };
  }

  return {
    kind: 'http',
    async call(name, input) {
      let response: Response;
      try {
        response = await doFetch(`${base}/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { ...authHeaders, 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'unavailable', message: offlineMessage(), details: { offline: true } } };
      }
      if (response.status === 401) return failure('unauthorized', unauthorizedMessage());
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return failure('internal', unreadableMessage(response.status));
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function parseEvent(data: string): AppEvent | null {
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') return value as AppEvent;
  } catch {
    // A malformed event is dropped; the next one or a reload brings the screen up to date.
  }
  return null;
}
