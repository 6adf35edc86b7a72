import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseSmtpError, type SmtpDiagnosis } from '../../../src-main/mail/diagnose';

const servers: SMTPServer[] = [];

async function startServer(options: SMTPServerOptions): Promise<number> {
  const server = new SMTPServer({ logger: false, ...options });
  server.on('error', () => {}); // aborted TLS handshakes are expected here
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Sends one message and returns what nodemailer threw. */
async function sendError(options: SMTPTransport.Options): Promise<unknown> {
  const transport = nodemailer.createTransport({
    connectionTimeout: 3000,
    greetingTimeout: 1500,
    socketTimeout: 3000,
    tls: { rejectUnauthorized: false },
    ...options,
  });
  try {
    await transport.sendMail({ from: 'olga@example.com', to: 'ann@example.com', subject: 'Test', text: 'Hello' });
  } catch (error) {
    return error;
  } finally {
    transport.close();
  }
  throw new Error('sending unexpectedly succeeded');
}

function expectReadable(d: SmtpDiagnosis): void {
  expect(d.message).toMatch(/^[A-Z]/);
  expect(d.message).toMatch(/[.!?]$/);
  expect(d.message).not.toMatch(/\n/);
  expect(d.message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  expect(d.message).not.toMatch(/ssl3_|openssl|0A0001/i);
  expect(d.message.length).toBeLessThan(450);
}

const plain = { disabledCommands: ['STARTTLS'], allowInsecureAuth: true } satisfies SMTPServerOptions;
const open = { disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true } satisfies SMTPServerOptions;

function rejecting(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

describe('diagnoseSmtpError with real nodemailer errors', () => {
  it('auth rejected, with the app-password hint for Gmail', async () => {
    const port = await startServer({
      ...plain,
      onAuth: (_auth, _session, cb) => cb(rejecting('5.7.8 Username and Password not accepted', 535)),
    });
    const error = await sendError({ host: '127.0.0.1', port, auth: { user: 'olga@gmail.com', pass: 'secret' } });
    const gmail = diagnoseSmtpError(error, 'gmail');
    expect(gmail.kind).toBe('auth');
    expect(gmail.message).toContain('app password');
    expect(gmail.message).toContain('Gmail');
    expectReadable(gmail);
    const custom = diagnoseSmtpError(error, 'custom');
    expect(custom.kind).toBe('auth');
    expect(custom.message).not.toContain('app password');
    expect(custom.message).toContain('user name');
  });

  it('sign-in required but no credentials given', async () => {
    const port = await startServer({ ...plain });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port }), 'icloud');
    expect(d.kind).toBe('auth');
    expect(d.message).toContain('iCloud');
    expectReadable(d);
  });

  it('sender rejected', async () => {
    const port = await startServer({
      ...open,
      onMailFrom: (_address, _session, cb) => cb(rejecting('5.7.1 Sender address rejected: not owned by user', 553)),
    });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port }));
    expect(d.kind).toBe('sender-rejected');
    expect(d.message).toContain('sender address');
    expectReadable(d);
  });

  it('recipient rejected', async () => {
    const port = await startServer({
      ...open,
      onRcptTo: (_address, _session, cb) => cb(rejecting('5.1.1 No such user', 550)),
    });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port }));
    expect(d.kind).toBe('recipient-rejected');
    expect(d.message).toContain('No such user');
    expectReadable(d);
  });

  it('closed port', async () => {
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port: await closedPort() }));
    expect(d.kind).toBe('connection');
    expect(d.message).toContain('port');
    expectReadable(d);
  });

  it('unresolvable host', async () => {
    const d = diagnoseSmtpError(await sendError({ host: 'nonexistent.invalid', port: 587 }));
    expect(d.kind).toBe('host-unknown');
    expectReadable(d);
  });

  it('implicit TLS against a plaintext server', async () => {
    const port = await startServer({ ...open });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port, secure: true }));
    expect(d.kind).toBe('tls');
    expect(d.message).toContain('465');
    expectReadable(d);
  });

  it('STARTTLS required but the server does not offer it', async () => {
    const port = await startServer({ ...open });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port, requireTLS: true }));
    expect(d.kind).toBe('tls');
    expectReadable(d);
  });

  it('plaintext against an implicit-TLS server times out waiting for the greeting', async () => {
    const port = await startServer({ ...open, secure: true });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port, secure: false }));
    expect(d.kind).toBe('timeout');
    expect(d.message).toContain('465');
    expectReadable(d);
  });

  it('untrusted certificate', async () => {
    const port = await startServer({ authOptional: true, disabledCommands: ['AUTH'] });
    const d = diagnoseSmtpError(await sendError({ host: '127.0.0.1', port, tls: { rejectUnauthorized: true } }));
    expect(d.kind).toBe('tls');
    expect(d.message).toContain('certificate');
    expectReadable(d);
  });
});

describe('diagnoseSmtpError with provider replies', () => {
  const err = (fields: Record<string, unknown>): Error => Object.assign(new Error(String(fields['message'] ?? 'x')), fields);

  it.each([
    [{ code: 'EAUTH', responseCode: 534, command: 'AUTH PLAIN', response: '534-5.7.9 Application-specific password required.' }, undefined, 'auth', 'app password'],
    [
      { code: 'EAUTH', responseCode: 535, command: 'AUTH LOGIN', response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.' },
      'outlook',
      'auth',
      'Authenticated SMTP',
    ],
    [{ code: 'EAUTH', message: 'Missing credentials for "PLAIN"', command: 'API' }, 'yahoo', 'auth', 'No user name or password'],
    [{ code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM', response: '530 5.7.0 Must issue a STARTTLS command first.' }, 'gmail', 'tls', '587'],
    [{ code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM', response: '550 5.4.5 Daily user sending limit exceeded.' }, 'gmail', 'sender-rejected', 'sending limit'],
    [{ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException' }, 'outlook', 'sender-rejected', 'From'],
    [{ code: 'ECONNECTION', responseCode: 421, command: 'CONN', response: '421 Too many connections' }, undefined, 'connection', 'try again later'],
    [{ code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT', command: 'CONN', message: 'Connection timeout' }, undefined, 'timeout', 'block outgoing email ports'],
    [{ code: 'EDNS', originalCode: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN smtp.gmail.com' }, 'gmail', 'host-unknown', 'connected to the internet'],
    [{ code: 'EPROTOCOL', message: 'Invalid greeting. response=HTTP/1.1 400 Bad Request' }, undefined, 'unknown', 'SMTP'],
  ] as const)('%j (%s) → %s', (fields, preset, kind, fragment) => {
    const d = diagnoseSmtpError(err(fields), preset);
    expect(d.kind).toBe(kind);
    expect(d.message).toContain(fragment);
    expectReadable(d);
  });

  it('copes with anything thrown', () => {
    expect(diagnoseSmtpError(null)).toEqual({ kind: 'unknown', message: 'Sending failed for an unknown reason.' });
    expect(diagnoseSmtpError('boom')).toEqual({ kind: 'unknown', message: 'Sending failed: boom.' });
    const withStack = diagnoseSmtpError(new Error('Weird thing\n    at foo (/x.js:1:2)'));
    expect(withStack.message).toBe('Sending failed: Weird thing.');
  });
});
