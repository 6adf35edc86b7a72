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
