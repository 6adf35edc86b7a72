import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src-renderer/api/http-transport';
import { takeSecret } from '../../../src-renderer/api/secret';
import { isOffline, type ClientEvent } from '../../../src-renderer/api/transport';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  push(data: string) {
    this.onmessage?.({ data } as MessageEvent<string>);
  }
}

describe('HTTP transport', () => {
  it('posts JSON with the bearer secret to /rpc/<operation>', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const transport = createHttpTransport({
      secret: 's3cret',
      baseUrl: 'http://127.0.0.1:4318',
      fetch: async (url, init) => {
        seen.push({ url: String(url), init });
        return new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 });
      },
    });
    expect(await transport.call('exchanges.list', {})).toEqual({ ok: true, value: [] });
    expect(seen[0]?.url).toBe('http://127.0.0.1:4318/rpc/exchanges.list');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(new Headers(seen[0]?.init?.headers).get('authorization')).toBe('Bearer s3cret');
    expect(seen[0]?.init?.body).toBe('{}');
  });

  it('passes refusals through, and turns 401 and a dead server into clear errors', async () => {
    const answers = [
      new Response(JSON.stringify({ ok: false, error: { code: 'conflict', message: 'No.' } }), { status: 409 }),
      new Response(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong admin secret.' } }), { status: 401 }),
    ];
    const transport = createHttpTransport({
      secret: 's',
      fetch: async () => {
        const next = answers.shift();
        if (!next) throw new TypeError('fetch failed');
        return next;
      },
    });
    expect(await transport.call('exchanges.list', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'No.' } });
    const unauthorized = await transport.call('exchanges.list', {});
    expect(!unauthorized.ok && unauthorized.error.message).toBe('Open the address printed by npm run serve.');
    const offline = await transport.call('exchanges.list', {});
    expect(!offline.ok && isOffline(offline.error)).toBe(true);
  });

  it('streams events from /events?secret=…, says when the connection came back, closes with the last listener', () => {
    const transport = createHttpTransport({ secret: 'a b', fetch: fetch, EventSource: FakeEventSource as unknown as typeof EventSource });
    const events: ClientEvent[] = [];
    const stop = transport.subscribe((e) => events.push(e));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/events?secret=a%20b');
    source.push('{"type":"outbox.changed"}');
    source.push('not json');
    source.onerror?.();
    source.onopen?.();
    expect(events).toEqual([{ type: 'outbox.changed' }, { type: 'connection.restored' }]);
    stop();
    expect(source.closed).toBe(true);
  });
});

describe('admin secret from the address', () => {
  function place(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [['sneaky-klaus.admin-secret', stored]] : []);
    const replaced: string[] = [];
    return {
      replaced,
      storage,
      place: {
        location: { hash, pathname: '/', search: '' },
        history: { replaceState: (_d: unknown, _u: string, url?: string) => void replaced.push(url ?? '') },
        storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      },
    };
  }

  it('takes the secret out of the fragment, keeps it for the tab and cleans the address bar', () => {
    const p = place('#secret=abc123');
    expect(takeSecret(p.place)).toBe('abc123');
    expect(p.storage.get('sneaky-klaus.admin-secret')).toBe('abc123');
    expect(p.replaced).toEqual(['/#/exchanges']);
  });

  it('finds it again after a reload, and has none on a bare address', () => {
    expect(takeSecret(place('#/outbox', 'kept').place)).toBe('kept');
    expect(takeSecret(place('').place)).toBeNull();
  });
});
