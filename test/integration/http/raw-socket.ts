import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** Everything the server wrote (latin1). */
  reply: string;
  /** Whether the server closed the connection. */
  closed: boolean;
  socket: Socket;
}

/**
 * Writes `data` on a fresh TCP connection and resolves on the first of: a complete response head
 * (`untilHead`), the server closing the connection, or the socket failing. Nothing waits a fixed
 * time: a server that never answers fails the test at its timeout.
 */
export function rawExchange(options: { port: number; host?: string; data: string | Buffer; untilHead?: boolean; localAddress?: string }): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: options.port, host: options.host ?? '127.0.0.1', localAddress: options.localAddress }, () => socket.write(options.data));
    let reply = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      resolve({ reply, closed, socket });
    };
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (options.untilHead && reply.includes('\r\n\r\n')) finish(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? finish(true) : reject(error)));
    socket.on('close', () => finish(true));
  });
}

/** Opens a connection and resolves once it is established (or closed/refused by the server). */
export function openSocket(port: number, host = '127.0.0.1', localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host, localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}
