import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../../support/stand-ins';
import { reminderEmail } from '../../../src-main/mail/templates';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { RELAY_BATCH_SIZE } from '../../../src-main/services/mail/relay';
import { memorySecretStore, SMTP_PASSWORD_ENV } from '../../../src-main/services/common/secrets';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../../support/relay-child.ts', import.meta.url));
const TOTAL = 200;
const KILL_AT = 30;
const MAX_CONNECTIONS = 3;
const USER = 'santa@example.test';
const PASSWORD = 'child-secret-5K';

interface Child {
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
  output(): string;
}

const running = new Set<ChildProcess>();

function startChild(dataDir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    // The default 5-minute lease: the restarted child must take the dead one's rows back at once
    // (it owns the folder's lock), not wait for their leases.
    env: { ...process.env, [SMTP_PASSWORD_ENV]: PASSWORD },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    kill: () => child.kill('SIGKILL'),
    output: () => out,
  };
}

const keyOf = (m: ReceivedMessage): string => `reminder:1:3:${/^p(\d+)@/.exec(m.envelopeTo[0] ?? '')?.[1]}`;

describe('relay killed with SIGKILL in the middle of a batch', () => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink({ auth: { user: USER, password: PASSWORD }, parse: false });
    // Rows must be due for a child on the real clock: enqueue them "in the past".
    t = await createTestApp({ start: '2020-01-01T00:00:00Z', smtpPassword: memorySecretStore() });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, maxConnections: MAX_CONNECTIONS }));
    t.deps.db.transaction(() => {
      for (let n = 0; n < TOTAL; n++) {
        const email = reminderEmail({
          locale: 'en',
          exchange: { name: 'Office party', description: '', exchangeAt: Date.parse('2026-12-18T17:00:00Z'), timezone: 'Europe/Berlin', location: '', budget: null },
          participantName: `P${n}`,
          receiverName: 'Bob',
          receiverGiftIdeas: 'Tea',
          daysLeft: 3,
          link: `http://127.0.0.1:4317/p/${n}`,
        });
        enqueueMail(t.deps, { key: `reminder:1:3:${n}`, kind: 'note', to: `p${n}@example.test`, exchangeId: null, participantId: null, email });
      }
    });
  });

  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    t.close();
    await sink.stop();
  });

  it('loses nothing and duplicates only what was in flight, with the same Message-ID', async () => {
    const first = startChild(t.dir);
    sink.onMessage((_message, index) => {
      if (index === KILL_AT - 1) first.kill();
    });
    const killed = await withDeadline(first.exit, 60_000, () => `first child never reached ${KILL_AT} messages:\n${first.output()}`);
    expect(killed.signal).toBe('SIGKILL');

    const beforeRestart = sink.messages.length;
    expect(beforeRestart).toBeGreaterThanOrEqual(KILL_AT);
    expect(beforeRestart).toBeLessThan(TOTAL);
    const rows = new Map((await t.ok('outbox.list', { limit: 1000 })).map((row) => [row.id, row]));
    const keyToRow = new Map([...rows.values()].map((row) => [`reminder:1:3:${/^p(\d+)@/.exec(row.to)![1]}` as string, row] as const));
    // Received by the server but never marked sent: SMTP's window at the moment of the kill.
    const inFlight = new Set(sink.messages.map(keyOf).filter((key) => keyToRow.get(key)!.status !== 'sent'));
    const sentAtKill = [...rows.values()].filter((row) => row.status === 'sent').length;
    expect(sentAtKill).toBeLessThan(TOTAL);
    // The kill was sent before message 30 got its 250, so at least that one is in SMTP's window;
    // beyond it, only messages whose "sent" mark was still waiting for its group commit.
    expect(inFlight.size).toBeGreaterThanOrEqual(1);
    expect(inFlight.size).toBeLessThanOrEqual(MAX_CONNECTIONS + RELAY_BATCH_SIZE);

    const second = startChild(t.dir);
    const done = await withDeadline(second.exit, 60_000, () => `second child did not finish:\n${second.output()}`);
    expect(done, second.output()).toEqual({ code: 0, signal: null });

    expect(await t.ok('outbox.status', {})).toMatchObject({ counts: { sent: TOTAL, queued: 0, sending: 0, failed: 0 } });
    const copies = new Map<string, ReceivedMessage[]>();
    for (const message of sink.messages) copies.set(keyOf(message), [...(copies.get(keyOf(message)) ?? []), message]);
    expect(copies.size).toBe(TOTAL);
    expect([...keyToRow.keys()].every((key) => copies.has(key))).toBe(true);

    const duplicated = new Set([...copies].filter(([, list]) => list.length > 1).map(([key]) => key));
    expect(duplicated).toEqual(inFlight);
    for (const key of duplicated) {
      const list = copies.get(key)!;
      expect(list).toHaveLength(2);
      const row = await t.ok('outbox.get', { id: keyToRow.get(key)!.id });
      expect(list.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    }
    expect(sink.messages.every((m) => m.user === USER)).toBe(true);
    expect(sink.connections.max).toBeLessThanOrEqual(MAX_CONNECTIONS);
    // Only real tries count: the kill did not turn claims into attempts.
    const rowsAfter = await t.ok('outbox.list', { limit: 1000 });
    expect(rowsAfter.every((row) => row.attempts === 1)).toBe(true);
  }, 150_000);
});
