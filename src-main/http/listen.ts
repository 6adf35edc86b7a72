import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { capConnectionsPerClient, DEFAULT_CONNECTION_CAPS, type ConnectionCaps } from './connection-cap';
import { hostForUrl } from './hosts';

export interface Listener {
  server: Server;
  host: string;
  port: number;
  /** Base URL as seen from this machine, e.g. http://127.0.0.1:4317 */
  url: string;
  /** Connections currently open from a client address (the per-client cap counts these). */
  connectionsFrom(address: string): number;
  close(): Promise<void>;
}

export interface ListenOptions {
  host: string;
  port: number;
  /** How many following ports to try when the port is taken (the next free one, so a second app or another program on 4317 does not stop us). */
  tryNext?: number;
  maxConnections?: number;
  /** Open connections per client address (default 32; loopback, where tunnel traffic comes from, 256). */
  connectionCaps?: ConnectionCaps;
  /** Time allowed for a request's headers (default 10 s); tests use a shorter one. */
  headersTimeoutMs?: number;
  /** Asked first about every request; what it does not answer goes to `fetch`. */
  fastLane?: FastLane;
}

/** Answers a request straight from node:http when it can (then true); false leaves it to the app. */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

type Fetch = (request: Request) => Response | Promise<Response>;

/** Explicit limits against slow and oversized requests (slowloris, huge headers): a home server must not be tied up by one client. */
const SERVER_LIMITS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxHeaderSize: 16 * 1024,
};

export async function listen(fetch: Fetch, options: ListenOptions): Promise<Listener> {
  const last = options.port === 0 ? 0 : options.port + (options.tryNext ?? 0);
  for (let port = options.port; ; port++) {
    try {
      return await listenOnce(fetch, options, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port >= last) throw error;
    }
  }
}

function listenOnce(fetch: Fetch, options: ListenOptions, port: number): Promise<Listener> {
  const headersTimeout = options.headersTimeoutMs ?? SERVER_LIMITS.headersTimeout;
  const listener = getRequestListener(fetch, {
    // A request Node parsed but no URL can be built from (no Host, a bad Host) is the client's fault.
    errorHandler: (error) => (error instanceof RequestError ? new Response('Bad request', { status: 400 }) : new Response('Internal error', { status: 500 })),
  });
  // The listener answers every request itself, errors included; Node only needs it started.
  const fastLane = options.fastLane;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (fastLane?.(req, res)) return;
    void listener(req, res);
  };
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(SERVER_LIMITS.requestTimeout, headersTimeout),
      maxHeaderSize: SERVER_LIMITS.maxHeaderSize,
      // Node looks for timed-out requests only this often (default 30 s, which would let a slow
      // client hold a socket for up to 40 s despite the 10 s header limit).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    handler,
  );
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeout;
  server.maxConnections = options.maxConnections ?? 512;
  const counter = capConnectionsPerClient(server, options.connectionCaps ?? DEFAULT_CONNECTION_CAPS);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        host: address.address,
        port: address.port,
        url: `http://${hostForUrl(address.address)}:${address.port}`,
        connectionsFrom: counter.openFrom,
        close: () => closeServer(server),
      });
    });
  });
}

/** Stops accepting, lets requests in flight finish briefly, then cuts what is left. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 2_000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
