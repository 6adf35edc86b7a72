import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT, RPC_BODY_LIMIT } from '../../../src-main/http/admin/limits';
import { listen, type Listener } from '../../../src-main/http/listen';
import { exchangeInput } from '../../support/test-app';
import { adminWorld, PASSWORD, SECRET, type AdminWorld } from './admin-world';
import { rawExchange } from './raw-socket';

let w: AdminWorld;
let listener: Listener;
let exchangeId: number;

beforeAll(async () => {
  w = await adminWorld();
  listener = await listen(w.app.fetch, { host: '127.0.0.1', port: 0 });
  w.allowPort(listener.port);
  exchangeId = (await w.t.ok('exchanges.create', exchangeInput())).id;
});
afterAll(async () => {
  await listener.close();
  w.close();
});

const json = { 'content-type': 'application/json' };
/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
const streamed = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 8192) controller.enqueue(new Uint8Array(Math.min(8192, bytes - sent)).fill(0x61));
      controller.close();
    },
  });
/** Only the head of a request declaring `length` body bytes, and a first kilobyte of it. */
const declaredOnly = (path: string, length: number, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${listener.port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n` + 'a'.repeat(1024);

describe('admin listener body limits', () => {
  it('POST /session declaring 200 MiB is refused with 413 before the body is sent, and the connection closes', async () => {
    const { reply, closed } = await rawExchange({ port: listener.port, data: declaredOnly('/session', 200 * 1024 * 1024) });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(closed).toBe(true);
  });

  it('POST /session streamed past its limit → 413 (not a 401 after reading it all)', async () => {
    const r = await w.request('/session', { method: 'POST', headers: json, body: streamed(64 * 1024), duplex: 'half', secret: false } as RequestInit);
    expect(r.status).toBe(413);
    const ok = await w.request('/session', { method: 'POST', headers: json, body: JSON.stringify({ password: PASSWORD }), secret: false });
    expect(ok.status).toBe(200);
  });

  it('routes that take no body refuse one (declared or streamed), on both GET-like and unknown routes', async () => {
    const { reply } = await rawExchange({ port: listener.port, data: declaredOnly('/health', 10), untilHead: true });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect((await w.request('/nowhere', { method: 'POST', body: streamed(10), duplex: 'half' } as RequestInit)).status).toBe(413);
  });

  it('the organizer API: 1 MiB for operations, 413 beyond (declared or streamed), unread without the secret too', async () => {
    const { reply } = await rawExchange({
      port: listener.port,
      data: declaredOnly('/rpc/exchanges.list', RPC_BODY_LIMIT + 1, `Authorization: Bearer ${SECRET}\r\n`),
      untilHead: true,
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    const over = await w.request('/rpc/exchanges.list', { method: 'POST', headers: json, body: streamed(RPC_BODY_LIMIT + 1), duplex: 'half' } as RequestInit);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(w.errors).toEqual([]);
  });

  it('the CSV import takes what the import itself accepts: a 1.25 MiB file is checked, not refused', async () => {
    const ideas = 'a book about birds, warm socks, dark chocolate, a plant for the kitchen window, coffee beans, a warm scarf';
    const lines = ['name,email,gift ideas'];
    for (let i = 0; i < 9000; i++) lines.push(`Person ${i},person${i}@example.com,"${ideas} (${i})"`);
    const csv = lines.join('\n');
    expect(csv.length).toBeGreaterThan(1.25 * 1024 * 1024);
    const r = await w.request('/rpc/participants.import', { method: 'POST', headers: json, body: JSON.stringify({ exchangeId, csv, dryRun: true }) });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; value: { rows: unknown[] } };
    expect(body.value.rows).toHaveLength(9000);
  });

  it('the import limit holds the largest CSV the schema allows, even when JSON escapes every character', () => {
    const worst = JSON.stringify({ exchangeId: Number.MAX_SAFE_INTEGER, csv: '\u0001'.repeat(2 * 1024 * 1024), dryRun: false });
    expect(Buffer.byteLength(worst)).toBeLessThanOrEqual(IMPORT_BODY_LIMIT);
  });

  it('a CSV over the import limit: 413 before it is read; one just over the schema maximum: the schema’s 400', async () => {
    const { reply } = await rawExchange({
      port: listener.port,
      data: declaredOnly('/rpc/participants.import', IMPORT_BODY_LIMIT + 1, `Authorization: Bearer ${SECRET}\r\n`),
      untilHead: true,
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    const r = await w.request('/rpc/participants.import', { method: 'POST', headers: json, body: JSON.stringify({ exchangeId, csv: 'x'.repeat(2 * 1024 * 1024 + 1) }) });
    expect(r.status).toBe(400);
  });
});

describe('malformed addresses', () => {
  const bad = ['/%E0%A4%A', '/%', '/assets/%ff.js', '/rpc/%E0%A4%A', '/?secret=%E0%A4%A', '/events?secret=%zz'];

  it('admin: 400 without a stack trace in the log, with or without the secret', async () => {
    for (const path of bad) {
      for (const method of ['GET', 'POST']) {
        const r = await w.request(path, { method, secret: method === 'POST' });
        expect(r.status, `${method} ${path}`).toBe(400);
        expect(await r.text()).not.toMatch(/at \w+ \(/);
      }
    }
    expect(w.errors).toEqual([]);
  });

  it('admin over a real socket: GET /%E0%A4%A → 400', async () => {
    const { reply } = await rawExchange({ port: listener.port, data: `GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${listener.port}\r\nConnection: close\r\n\r\n` });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(w.errors).toEqual([]);
  });
});
