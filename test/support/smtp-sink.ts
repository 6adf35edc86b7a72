import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { OperationInput } from '../../src-main/contract/operations';

/**
 * How the sink behaves right now; switchable while clients are connected.
 * - `ok`: accepts and records every message.
 * - `down`: not listening at all (connections are refused) and open connections are cut.
 * - `reject-auth`: every AUTH gets 535.
 * - `drop-after-data`: reads and records the whole message, then cuts the connection instead of
 *   answering 250 (SMTP's window: the server has the message, the client does not know).
 * - `temp-fail`: 451 after DATA; nothing is recorded.
 */
export type SinkMode = 'ok' | 'down' | 'reject-auth' | 'drop-after-data' | 'temp-fail';

export interface ReceivedMessage {
  /** The Message-ID header, with its angle brackets. */
  messageId: string;
  envelopeFrom: string;
  envelopeTo: string[];
  /** Size of the raw message in bytes. */
  size: number;
  raw: Buffer;
  /** mailparser's view; null when the sink was started with `parse: false`. */
  parsed: ParsedMail | null;
  /** The authenticated user name, if the client logged in. */
  user: string | null;
  /** True when the sink cut the connection instead of answering 250 (`drop-after-data`). */
  dropped: boolean;
}

export interface SmtpSinkOptions {
  /** When set, clients must log in with exactly these credentials. */
  auth?: { user: string; password: string };
  /** Parse every message with mailparser (default true; the benchmark turns it off). */
  parse?: boolean;
}

export interface SmtpSink {
  readonly port: number;
  readonly mode: SinkMode;
  /** Every message accepted (or recorded before a drop), in arrival order. */
  readonly messages: ReceivedMessage[];
  /** Connections open now, the most open at once since start (or `resetStats`), and in total. */
  readonly connections: { current: number; max: number; total: number };
  /** DATA commands answered with 451 in `temp-fail` mode. */
  readonly tempFailures: number;
  setMode(mode: SinkMode): Promise<void>;
  /** Waits this long after each DATA before answering (a slow server); 0 by default. */
  setReplyDelay(ms: number): void;
  /** The next `count` connections get `421` at the greeting and are closed. */
  failGreetings(count: number): void;
  /** The next `times` RCPT TO for `address` get `code` (450/451: greylisting, a full mailbox; 550: no such user). */
  failRecipient(address: string, code: number, times: number): void;
  /**
   * The next `times` messages to `address` fail after DATA, whatever the mode: `451` answers
   * "try again later" (nothing recorded); `drop` records the message, then cuts the connection
   * instead of answering 250 (as `drop-after-data`, for one address only).
   */
  failData(address: string, action: 451 | 'drop', times: number): void;
  /** Resolves once no client connection is open (a pool closed, a dropped link gone). */
  waitForNoConnections(timeoutMs?: number): Promise<void>;
  /** Called synchronously after each recorded message (before the client gets its answer). */
  onMessage(listener: (message: ReceivedMessage, index: number) => void): void;
  /** Resolves once `count` messages have been recorded; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  resetStats(): void;
  stop(): Promise<void>;
}

const MESSAGE_ID = /^message-id:[ \t]*(<[^>\r\n]*>)/im;

function headerMessageId(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1');
  return MESSAGE_ID.exec(head)?.[1] ?? '';
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** A real SMTP server on 127.0.0.1 (no TLS) that records what arrives. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const messages: ReceivedMessage[] = [];
  const connections = { current: 0, max: 0, total: 0 };
  const sockets = new Map<number, Socket>();
  const listeners: Array<(message: ReceivedMessage, index: number) => void> = [];
  let mode: SinkMode = 'ok';
  let tempFailures = 0;
  let replyDelayMs = 0;
  let greetingFailures = 0;
  const recipientFailures = new Map<string, { code: number; times: number }>();
  const dataFailures = new Map<string, { action: 451 | 'drop'; times: number }>();
  const closeWaiters: Array<() => void> = [];
  let server: SMTPServer | null = null;
  let port = 0;

  /** A per-address DATA fault for this message (counted down), or null. */
  function takeDataFailure(session: SMTPServerSession): 451 | 'drop' | null {
    for (const rcpt of session.envelope.rcptTo) {
      const failure = dataFailures.get(rcpt.address.toLowerCase());
      if (!failure || failure.times <= 0) continue;
      failure.times--;
      return failure.action;
    }
    return null;
  }

  async function record(stream: SMTPServerDataStream, session: SMTPServerSession, drop = false): Promise<ReceivedMessage> {
    const raw = await readAll(stream);
    const message: ReceivedMessage = {
      messageId: headerMessageId(raw),
      envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      size: raw.length,
      raw,
      parsed: parse ? await simpleParser(raw) : null,
      user: typeof session.user === 'string' ? session.user : null,
      dropped: drop || mode === 'drop-after-data',
    };
    messages.push(message);
    for (const listener of listeners) listener(message, messages.length - 1);
    return message;
  }

  function create(): SMTPServer {
    const smtp = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      logger: false,
      disableReverseLookup: true,
      closeTimeout: 100,
      onConnect(_session, callback) {
        if (greetingFailures <= 0) return callback();
        greetingFailures--;
        callback(smtpError('Too many connections, try again later', 421));
      },
      onRcptTo(address, _session, callback) {
        const failure = recipientFailures.get(address.address.toLowerCase());
        if (!failure || failure.times <= 0) return callback();
        failure.times--;
        const text = failure.code < 500 ? `4.7.1 Greylisted, please try again later` : `5.1.1 No such user here`;
        callback(smtpError(text, failure.code));
      },
      onAuth(auth, _session, callback) {
        const expected = options.auth;
        const wrong = expected !== undefined && (auth.username !== expected.user || auth.password !== expected.password);
        if (mode === 'reject-auth' || wrong) return callback(smtpError('Authentication credentials invalid', 535));
        callback(null, { user: auth.username ?? 'anonymous' });
      },
      onData(stream, session, callback) {
        const fault = takeDataFailure(session);
        if (mode === 'temp-fail' || fault === 451) {
          tempFailures++;
          stream.resume();
          stream.on('end', () => callback(smtpError('Temporary local problem, try again later', 451)));
          return;
        }
        record(stream, session, fault === 'drop').then(
          (message) => {
            if (message.dropped) return sockets.get(session.remotePort)?.destroy();
            if (replyDelayMs > 0) return void setTimeout(() => callback(), replyDelayMs);
            callback();
          },
          (error: Error) => callback(smtpError(`Could not read the message: ${error.message}`, 451)),
        );
      },
    });
    smtp.server.on('connection', (socket: Socket) => {
      const key = socket.remotePort ?? -1;
      sockets.set(key, socket);
      connections.current++;
      connections.total++;
      connections.max = Math.max(connections.max, connections.current);
      socket.once('close', () => {
        connections.current--;
        sockets.delete(key);
        if (connections.current === 0) for (const resolve of closeWaiters.splice(0)) resolve();
      });
    });
    smtp.on('error', () => undefined);
    return smtp;
  }

  async function listen(): Promise<void> {
    const smtp = create();
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => {
        smtp.server.off('error', reject);
        resolve();
      });
    });
    port = (smtp.server.address() as AddressInfo).port;
    server = smtp;
  }

  async function shut(): Promise<void> {
    const smtp = server;
    server = null;
    if (!smtp) return;
    const closed = new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    for (const socket of sockets.values()) socket.destroy();
    await closed;
  }

  await listen();

  return {
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    messages,
    connections,
    get tempFailures() {
      return tempFailures;
    },
    async setMode(next) {
      const wasDown = mode === 'down';
      mode = next;
      if (next === 'down' && !wasDown) await shut();
      if (next !== 'down' && wasDown) await listen();
    },
    setReplyDelay(ms) {
      replyDelayMs = ms;
    },
    failGreetings(count) {
      greetingFailures = count;
    },
    failRecipient(address, code, times) {
      recipientFailures.set(address.toLowerCase(), { code, times });
    },
    failData(address, action, times) {
      dataFailures.set(address.toLowerCase(), { action, times });
    },
    waitForNoConnections(timeoutMs = 20_000) {
      if (connections.current === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`smtp sink: ${connections.current} connections still open after ${timeoutMs} ms`)), timeoutMs);
        closeWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs);
        listeners.push(() => {
          if (messages.length < count) return;
          clearTimeout(timer);
          resolve();
        });
      });
    },
    resetStats() {
      connections.max = connections.current;
      connections.total = connections.current;
      tempFailures = 0;
    },
    async stop() {
      mode = 'down';
      await shut();
    },
  };
}

/** `smtp.set` input pointing at a sink: no encryption, 127.0.0.1, the sink's port. */
export function sinkSmtpSettings(sink: { port: number }, overrides: Partial<OperationInput<'smtp.set'>> = {}): OperationInput<'smtp.set'> {
  return {
    presetId: 'custom',
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: '',
    fromName: 'Sneaky Klaus',
    fromAddress: 'santa@example.test',
    maxConnections: 3,
    ...overrides,
  };
}
