import { request } from 'node:http';
import type { Hono } from 'hono';
import { ParticipantClient } from '../../support/participant-client';

/**
 * A browser stand-in over `app.request()` whose TCP peer is `peer`, handed over the way
 * @hono/node-server does (`env.incoming.socket.remoteAddress`).
 */
export function peerClient(app: Hono, peer: string, host: string, scheme: 'http' | 'https' = 'http'): ParticipantClient {
  const env = { incoming: { socket: { remoteAddress: peer } } };
  return new ParticipantClient((path, init) => Promise.resolve(app.request(`${scheme}://${host}${path}`, init, env)), host, scheme);
}

/**
 * The same over a real socket: connects from `localAddress` (so the server sees that peer) to a
 * listener on `port`, sending `host` as the Host header (fetch cannot choose either).
 */
export function socketClient(port: number, localAddress: string, host: string, scheme: 'http' | 'https' = 'http'): ParticipantClient {
  const send = (path: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init.headers));
      const req = request({ host: localAddress, localAddress, port, path, method: init.method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) out.append(name, v);
          resolve(new Response(res.statusCode === 204 || res.statusCode === 304 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: out }));
        });
      });
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
  return new ParticipantClient(send, host, scheme);
}
