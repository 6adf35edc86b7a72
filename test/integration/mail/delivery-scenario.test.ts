import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../../support/stand-ins';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { acquireInstanceLock } from '../../../src-main/instance-lock';
import { participantHosts } from '../../../src-main/services/network/addresses';
import { getSettings } from '../../../src-main/services/organizer/settings';
import { dataFolder, drawnExchange, nextSeed, type DrawnExchange } from '../../support/jobs-fixtures';
import { authPath } from '../../support/participant-client';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';
import { peerClient } from '../http/peer-client';

/*
 * The scripted delivery scenario of issue #12: a misbehaving mail server, a crash, a moved public
 * address and days with the app closed; every participant must still learn the right giftee,
 * through a working link, without the organizer doing anything. Time moves only through the
 * manual clock (and the child relay's frozen copy of it); the test waits on the relay's
 * `settled()` signal and the sink's messages, never on a sleep.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../../support/relay-child.ts', import.meta.url));
const MINUTE = 60_000;
const T0 = Date.parse('2026-12-10T09:00:00Z');
const XMAS = '2026-12-24T18:00';
const ZONE = 'Europe/Berlin';
const LAN_URL = 'http://192.168.1.20:4317';
const OLD_PUBLIC = 'https://old-tunnel.trycloudflare.com';
const NEW_PUBLIC = 'https://new-santa.example.net';
const ORGANIZER = 'olga@example.com';
const N = 50;
const KILL_AT = 20;
const MAX_CONNECTIONS = 3;

const running = new Set<ChildProcess>();

/** The production relay loop in its own process, on the data folder, its clock frozen at `now`. */
function startRelayChild(dataDir: string, now: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    env: { ...process.env, RELAY_CHILD_NOW: String(now) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    pid: child.pid!,
    exit: new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    kill: () => child.kill('SIGKILL'),
    output: () => out,
  };
}

type Row = {
  id: number;
  kind: string;
  status: string;
  to_address: string;
  participant_id: number | null;
  exchange_id: number | null;
  attempts: number;
  message_id: string;
  next_attempt_at: number;
  withdrawn_reason: string | null;
  last_error: string | null;
};
const rows = (t: TestApp): Row[] => t.deps.db.sqlite.prepare('select * from email_outbox order by id').all() as Row[];

/** Lets the relay settle, then moves the clock to the next retry, until nothing is left to send. */
async function deliverAll(t: TestApp): Promise<void> {
  for (let step = 0; step < 30; step++) {
    await withDeadline(t.app.relay.settled(), 30_000, () => 'relay did not settle');
    const next = (t.deps.db.sqlite.prepare("select min(next_attempt_at) n from email_outbox where status in ('pending', 'sending')").get() as { n: number | null }).n;
    if (next === null) return;
    t.clock.set(Math.max(next, t.clock.now()));
  }
  throw new Error(`still undelivered: ${JSON.stringify(rows(t).filter((r) => r.status === 'pending'))}`);
}

const nameRe = (name: string) => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
const subjectOf = (m: ReceivedMessage) => m.parsed!.subject ?? '';
const textOf = (m: ReceivedMessage) => m.parsed!.text ?? '';

describe('scripted delivery scenario (issue #12)', () => {
  let t: TestApp | null = null;
  let sink: SmtpSink | null = null;
  const folder = dataFolder();

  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    if (t) {
      await t.app.relay.stop();
      t.close();
    }
    await sink?.stop();
    folder.remove();
  });

  it('50/50 right giftees, working links, one true reminder each, duplicates share their Message-ID, nothing from a cancelled exchange or an undone draw', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ dir: folder.dir, start: new Date(T0).toISOString(), seed: nextSeed() });
    t.deps.runtime.participantUrls = [LAN_URL];
    await t.ok('settings.update', { organizer: { name: 'Olga', email: ORGANIZER }, publicBaseUrl: OLD_PUBLIC });
    // The mail server refuses connections for the first hour.
    await sink.setMode('down');
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: MAX_CONNECTIONS }));

    const x = await drawnExchange(t, { n: N, exchangeAt: XMAS, timezone: ZONE, tag: 'Scn', name: 'Big Family' });
    const cancelled = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: ZONE, tag: 'Cxl', name: 'Called Off Party' });
    const undone = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: ZONE, tag: 'Und', name: 'Undone Party' });
    // The public address changes after the draw, before anything could be sent.
    await t.ok('settings.update', { publicBaseUrl: NEW_PUBLIC });

    // --- The first hour: connections refused; retries after 1, 5 and 30 minutes, no organizer action.
    t.app.relay.start();
    await withDeadline(t.app.relay.settled(), 30_000, () => 'relay did not settle');
    for (const [i, wait] of [1 * MINUTE, 5 * MINUTE, 30 * MINUTE].entries()) {
      const pending = rows(t).filter((r) => r.status === 'pending');
      expect(pending.length, `pass ${i + 1}`).toBeGreaterThanOrEqual(N);
      expect(pending.every((r) => r.attempts === i + 1 && r.next_attempt_at === t!.clock.now() + wait && /refused the connection/.test(r.last_error ?? ''))).toBe(true);
      t.clock.advance(wait);
      if (i === 1) await t.ok('exchanges.transition', { exchangeId: cancelled.exchangeId, action: 'cancel' });
      if (i === 2) await t.ok('exchanges.undoDraw', { exchangeId: undone.exchangeId });
      await withDeadline(t.app.relay.settled(), 30_000, () => 'relay did not settle');
    }
    // Back after an hour; the queue waits for its next retry (2 h after the 4th try), untouched.
    t.clock.set(T0 + 60 * MINUTE);
    await sink.setMode('ok');
    await withDeadline(t.app.relay.settled(), 30_000, () => 'relay did not settle');
    expect(sink.messages).toHaveLength(0);
    const retryAt = Math.min(
      ...rows(t)
        .filter((r) => r.status === 'pending')
        .map((r) => r.next_attempt_at),
    );
    expect(retryAt).toBe(T0 + 36 * MINUTE + 120 * MINUTE);
    await t.app.relay.stop();

    // --- The server misbehaves in every temporary way while the app sends the batch.
    const p = x.people;
    sink.failGreetings(1);
    sink.failRecipient(p[3]!.email, 450, 1);
    // Once each: the hour of refused connections already used four of the six tries (1 + 5 retries).
    sink.failRecipient(p[7]!.email, 451, 1);
    sink.failRecipient(p[11]!.email, 450, 1);
    sink.failData(p[15]!.email, 451, 1);
    sink.failData(p[19]!.email, 451, 1);
    sink.failData(p[23]!.email, 'drop', 1);
    sink.setReplyDelay(20);
    t.clock.set(retryAt);

    // --- The app (its relay, in its own process, on the same folder) is killed with SIGKILL mid-batch.
    const child = startRelayChild(folder.dir, t.clock.now());
    sink.onMessage((_message, index) => {
      if (index === KILL_AT - 1) child.kill();
    });
    const killed = await withDeadline(child.exit, 60_000, () => `the relay child never reached ${KILL_AT} messages:\n${child.output()}`);
    expect(killed.signal).toBe('SIGKILL');
    const atKill = rows(t);
    const leftSending = atKill.filter((r) => r.status === 'sending').length;
    expect(leftSending, 'killed in the middle of a batch').toBeGreaterThan(0);
    expect(atKill.filter((r) => r.kind === 'match' && r.exchange_id === x.exchangeId && r.status === 'sent').length).toBeLessThan(N);
    // The dead process's lock is stale: the restarted app takes it over.
    expect(readFileSync(join(folder.dir, 'sneaky-klaus.lock'), 'utf8').trim()).toBe(String(child.pid));
    acquireInstanceLock(folder.dir).release();

    // --- Restart on the same folder: what the dead process left "sending" is due again at once.
    t.close();
    t = await createTestApp({ dir: folder.dir, start: new Date(retryAt + 1_000).toISOString(), seed: nextSeed() });
    t.deps.runtime.participantUrls = [LAN_URL];
    expect(t.app.relay.reclaim()).toBe(leftSending);
    t.app.relay.start();
    await deliverAll(t);

    const matchRows = rows(t).filter((r) => r.exchange_id === x.exchangeId && r.kind === 'match');
    expect(matchRows).toHaveLength(N);
    expect(matchRows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows(t).filter((r) => r.status === 'failed' || r.kind === 'organizer-delivery-failures')).toEqual([]);
    // Each temporary refusal was a real attempt, retried by itself.
    for (const i of [3, 7, 11, 15, 19, 23]) expect(matchRows.find((r) => r.participant_id === p[i]!.id)!.attempts).toBeGreaterThanOrEqual(2);

    // --- The app is closed across the 7-day reminder (Dec 17) and opened again on Dec 18.
    await t.app.relay.stop();
    t.close();
    t = await createTestApp({ dir: folder.dir, start: '2026-12-18T12:00:00Z', seed: nextSeed() });
    t.deps.runtime.participantUrls = [LAN_URL];
    await t.app.jobs.runDue();
    t.app.relay.start();
    await deliverAll(t);

    // --- What the participants received.
    const stored = new Map(loadMatches(t.deps.db, x.exchangeId));
    expect(stored).toEqual(x.receiverOf);
    const byId = new Map(p.map((person) => [person.id, person]));
    const finalRows = rows(t);
    for (const giver of p) {
      const received = sink.messages.filter((m) => m.envelopeTo[0] === giver.email);
      const receiver = byId.get(stored.get(giver.id)!)!;
      const matches = received.filter((m) => subjectOf(m).endsWith('your Secret Santa match'));
      const row = finalRows.find((r) => r.kind === 'match' && r.participant_id === giver.id)!;
      expect(matches.length, giver.email).toBeGreaterThanOrEqual(1);
      // Every copy is the same email: one Message-ID, the right giftee and no other name.
      expect(new Set(matches.map((m) => m.messageId))).toEqual(new Set([row.message_id]));
      for (const m of matches) {
        expect(textOf(m)).toMatch(nameRe(receiver.name));
        expect(
          p
            .filter((other) => nameRe(other.name).test(textOf(m)))
            .map((o) => o.name)
            .sort(),
        ).toEqual([giver.name, receiver.name].sort());
      }
      const reminders = received.filter((m) => /the gift exchange is/.test(subjectOf(m)));
      expect(reminders.map(subjectOf), giver.email).toEqual(['Big Family: the gift exchange is in 6 days']);
      expect(textOf(reminders[0]!)).toMatch(nameRe(receiver.name));
      expect(received.filter((m) => !matches.includes(m) && !reminders.includes(m)).map(subjectOf)).toEqual([]);
    }
    // The dropped connection (server had the message, no 250) gave a duplicate with the same Message-ID.
    expect(sink.messages.filter((m) => m.envelopeTo[0] === p[23]!.email && m.dropped)).toHaveLength(1);
    const copies = new Map<string, number>();
    for (const m of sink.messages) copies.set(m.messageId, (copies.get(m.messageId) ?? 0) + 1);
    expect(copies.get(finalRows.find((r) => r.kind === 'match' && r.participant_id === p[23]!.id)!.message_id)).toBeGreaterThanOrEqual(2);
    // Any duplicate at all is a copy of one outbox row: Message-IDs map 1:1 onto rows.
    const rowOfMessageId = new Map(finalRows.map((r) => [r.message_id, r]));
    expect(sink.messages.every((m) => rowOfMessageId.get(m.messageId)?.to_address === m.envelopeTo[0])).toBe(true);

    // Links: only the new public address, never the old one or the LAN.
    for (const m of sink.messages) {
      const raw = m.raw.toString('utf8');
      expect(raw).not.toContain('old-tunnel');
      expect(raw).not.toContain('192.168.1.20');
    }

    // --- Nothing from the cancelled exchange or the undone draw, to anyone.
    const otherPeople = new Set([...cancelled.people, ...undone.people].map((person) => person.email));
    expect(sink.messages.filter((m) => otherPeople.has(m.envelopeTo[0]!)).map(subjectOf)).toEqual([]);
    const organizerMail = sink.messages.filter((m) => m.envelopeTo[0] === ORGANIZER);
    expect(organizerMail.filter((m) => /Called Off Party|Undone Party/.test(`${subjectOf(m)}\n${textOf(m)}`)).map(subjectOf)).toEqual([]);
    for (const e of [cancelled, undone] satisfies DrawnExchange[]) {
      expect(finalRows.filter((r) => r.exchange_id === e.exchangeId).every((r) => r.status === 'cancelled' && r.withdrawn_reason)).toBe(true);
    }

    // --- Each person's newest email: a link scanner opens it (GET and HEAD), then the person does.
    const app = participantApp(t);
    const host = new URL(NEW_PUBLIC).host;
    for (const [i, giver] of p.entries()) {
      const newest = sink.messages.filter((m) => m.envelopeTo[0] === giver.email).at(-1)!;
      expect(textOf(newest)).toContain(`${NEW_PUBLIC}/auth/`);
      const path = authPath(textOf(newest));
      const scanner = peerClient(app, '127.0.0.1', host, 'https');
      const scannerIp = { 'x-forwarded-for': '198.51.100.9' };
      expect((await scanner.get(path, scannerIp)).status).toBe(200);
      expect((await scanner.head(path, scannerIp)).status).toBe(200);
      const person = peerClient(app, '127.0.0.1', host, 'https');
      const ip = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      expect((await person.get(path, ip)).status).toBe(200);
      const done = await person.post(path, {}, { headers: ip });
      expect([done.status, done.location], giver.email).toEqual([303, '/me']);
      const me = await person.get('/me', ip);
      expect(me.status).toBe(200);
      expect(me.text).toMatch(nameRe(byId.get(stored.get(giver.id)!)!.name));
    }
  }, 120_000);
});

function participantApp(t: TestApp): Hono {
  return createParticipantApp(t.deps, {
    allowedHosts: () => participantHosts({ bindHost: '0.0.0.0', port: 4317, publicBaseUrl: getSettings(t.deps).publicBaseUrl }),
  });
}
