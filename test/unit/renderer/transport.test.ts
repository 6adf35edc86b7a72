import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src-renderer/api/http-transport';
import { forgetSecret, isLoopbackPage, takeSecret } from '../../../src-renderer/api/secret';
import { passwordLoginOffered, signInWithPassword } from '../../../src-renderer/api/session';
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
  function kv(initial: Array<[string, string]> = []) {
    const map = new Map<string, string>(initial);
    return { map, api: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) } };
  }
  function place(hash: string, stored: string | null = null, hostname = '127.0.0.1') {
    const lasting = kv(stored ? [['sneaky-klaus.admin-secret', stored]] : []);
    const tab = kv();
    const replaced: string[] = [];
    return {
      replaced,
      lasting: lasting.map,
      tab: tab.map,
      place: {
        location: { hash, pathname: '/', search: '', hostname },
        history: { replaceState: (_d: unknown, _u: string, url?: string) => void replaced.push(url ?? '') },
        lasting: lasting.api,
        tab: tab.api,
      },
    };
  }

  it('takes the secret out of the fragment, remembers it on loopback and cleans the address bar', () => {
    const p = place('#secret=abc123');
    expect(takeSecret(p.place)).toBe('abc123');
    expect(p.lasting.get('sneaky-klaus.admin-secret')).toBe('abc123');
    expect(p.tab.size).toBe(0);
    expect(p.replaced).toEqual(['/#/exchanges']);
  });

  it('finds it again on a bare bookmark (a new tab after a restart), and has none when never given', () => {
    expect(takeSecret(place('', 'kept').place)).toBe('kept');
    expect(takeSecret(place('#/outbox', 'kept').place)).toBe('kept');
    expect(takeSecret(place('').place)).toBeNull();
  });

  it('keeps it for the tab only when the page was opened over the network', () => {
    const p = place('#secret=lan', null, '192.168.1.20');
    expect(takeSecret(p.place)).toBe('lan');
    expect(p.lasting.size).toBe(0);
    expect(p.tab.get('sneaky-klaus.admin-secret')).toBe('lan');
    expect(isLoopbackPage('[::1]')).toBe(true);
    expect(isLoopbackPage('sneaky.local')).toBe(false);
  });

  it('forgets a refused secret everywhere', () => {
    const p = place('#secret=old');
    takeSecret(p.place);
    forgetSecret(p.place);
    expect(takeSecret(place('', null).place)).toBeNull();
    expect(p.lasting.size).toBe(0);
  });
});

describe('password session', () => {
  it('sends the CSRF token instead of a secret, with the cookie (same origin), and opens events without a secret', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const transport = createHttpTransport({
      csrfToken: 'csrf-1',
      EventSource: FakeEventSource as unknown as typeof EventSource,
      fetch: async (_url, init) => {
        seen.push(init);
        return new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 });
      },
    });
    await transport.call('exchanges.list', {});
    const headers = new Headers(seen[0]?.headers);
    expect(headers.get('x-csrf-token')).toBe('csrf-1');
    expect(headers.has('authorization')).toBe(false);
    expect(seen[0]?.credentials).toBe('same-origin');
    const stop = transport.subscribe(() => undefined);
    expect(FakeEventSource.last?.url).toBe('/events');
    stop();
  });

  it('signs in with POST /session and passes the server refusals through in its words', async () => {
    const answers = [
      new Response(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'That password is not right.' } }), { status: 401 }),
      new Response(JSON.stringify({ ok: false, error: { code: 'rate_limited', message: 'Too many attempts. Try again in 15 minutes.' } }), { status: 429 }),
      new Response(JSON.stringify({ ok: true, value: { csrfToken: 'tok' } }), { status: 200 }),
    ];
    const bodies: unknown[] = [];
    const fake: typeof fetch = async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return answers.shift()!;
    };
    expect(await signInWithPassword('wrong', fake)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'That password is not right.' } });
    expect(await signInWithPassword('again', fake)).toMatchObject({ ok: false, error: { message: 'Too many attempts. Try again in 15 minutes.' } });
    expect(await signInWithPassword('right', fake)).toEqual({ ok: true, csrfToken: 'tok' });
    expect(bodies).toEqual([{ password: 'wrong' }, { password: 'again' }, { password: 'right' }]);
  });

  it('asks whether password sign-in is offered, and says no when the server is silent', async () => {
    expect(await passwordLoginOffered(async () => new Response(JSON.stringify({ passwordLogin: true })))).toBe(true);
    expect(await passwordLoginOffered(async () => new Response(JSON.stringify({ passwordLogin: false })))).toBe(false);
    expect(
      await passwordLoginOffered(async () => {
        throw new TypeError('fetch failed');
      }),
    ).toBe(false);
  });
});
