import type { Server } from 'node:http';
import { isLoopbackAddress } from './client-address';

export interface ConnectionCaps {
  /** Open connections one client address may hold (a browser uses about six). */
  perClient: number;
  /**
   * The same for loopback: every tunnel visitor arrives from here through the tunnel agent, so
   * loopback gets a much higher cap, still below the listener's total.
   */
  loopback: number;
}

export const DEFAULT_CONNECTION_CAPS: ConnectionCaps = { perClient: 32, loopback: 256 };

export interface ConnectionCounter {
  /** Connections currently open from this address. */
  openFrom(address: string): number;
}

/**
 * Per-address cap on open connections. The listener's total cap alone let one LAN client hold
 * every socket with slow, never-finished requests and lock everyone else out until the header
 * timeout; past its own cap a client's new connections are closed unanswered, others are served.
 */
export function capConnectionsPerClient(server: Server, caps: ConnectionCaps): ConnectionCounter {
  const open = new Map<string, number>();
  const keyOf = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  server.on('connection', (socket) => {
    const key = keyOf(socket.remoteAddress ?? '');
    const count = open.get(key) ?? 0;
    if (count >= (isLoopbackAddress(key) ? caps.loopback : caps.perClient)) {
      socket.destroy();
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
  return { openFrom: (address) => open.get(keyOf(address)) ?? 0 };
}
