import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src-main/http/listen';
import { FORM_LIMIT_BYTES } from '../../../src-main/http/participant/guard';
import type { Logger } from '../../../src-main/log';
import { LAN, participantWorld, type World } from '../../support/participant-world';
import { rawExchange } from './raw-socket';

const errors: string[] = [];
const recorder: Logger = { debug() {}, info() {}, warn() {}, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };
let w: World;
let listener: Listener;

beforeAll(async () => {
  w = await participantWorld({ log: recorder });
  listener = await listen(w.app.fetch, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await listener.close();
  w.close();
});

const request = (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('host', LAN);
  return w.app.request(`http://${LAN}${path}`, { ...init, headers });
};
const streamed = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes).fill(0x61));
      controller.close();
    },
  });

describe('participant listener', () => {
  // A mangled magic link still deserves the friendly "this link doesn't work" page (auth tests),
  // so the participant app answers these as usual rather than with a bare 400: never a 5xx.
  it('malformed percent-encoding in the path or query → a 4xx page (or the friendly link page), nothing logged', async () => {
    for (const path of ['/%E0%A4%A', '/i/%E0%A4%A', '/auth/%ff%fe', '/login?exchange=%E0', '/me?done=%', '/%']) {
      for (const method of ['GET', 'POST', 'HEAD']) {
        const status = (await request(path, { method })).status;
        expect(status, `${method} ${path}`).toBeLessThan(500);
        expect([200, 303, 400, 403, 404, 415], `${method} ${path}`).toContain(status);
      }
    }
    const { reply } = await rawExchange({ port: listener.port, data: `GET /%E0%A4%A HTTP/1.1\r\nHost: ${LAN}\r\nConnection: close\r\n\r\n` });
    expect(reply).toMatch(/^HTTP\/1\.1 404 /);
    expect(errors).toEqual([]);
  });

  it('every route has a limit, not only the forms: a body on a route that takes none → 413; a form past 16 KiB → 413', async () => {
    for (const [method, path] of [
      ['PUT', '/nowhere'],
      ['DELETE', '/me'],
      ['PATCH', `/i/${w.code}`],
      ['OPTIONS', '/login'],
    ] as const) {
      expect((await request(path, { method, body: streamed(10), duplex: 'half' } as RequestInit)).status, `${method} ${path}`).toBe(413);
    }
    for (const path of [`/i/${w.code}`, '/login', '/auth/some-token', '/logout']) {
      const r = await request(path, {
        method: 'POST',
        body: streamed(FORM_LIMIT_BYTES + 1),
        duplex: 'half',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      } as RequestInit);
      expect(r.status, path).toBe(413);
    }
    const { reply, closed } = await rawExchange({
      port: listener.port,
      data: `PUT /nowhere HTTP/1.1\r\nHost: ${LAN}\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n` + 'a'.repeat(1024),
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(closed).toBe(true);
    expect(errors).toEqual([]);
  });
});
