/**
 * Email benchmark (SPEC §10): N reminder emails to a local SMTP sink, side by side in one run.
 *   (a) this relay: outbox rows in a temp SQLite file, Relay.drainOnce until all are sent
 *   (b) raw pooled nodemailer with the same connection limit and options
 *   (c) unpooled nodemailer, one connection per message, sequential
 * The sink runs in its own process (`run.ts --sink`, driven over IPC), as a real server would:
 * in the same thread it would stall whenever the relay commits to SQLite.
 * `npm run bench:mail` (1000 messages, best of 3 rounds) or `-- --quick` (100, one round; exits 1
 * if a message is lost or the connection limit is exceeded).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { createApp } from '../../../src-main/app';
import { seededRandom } from '../../../src-main/core/random';
import { silentLogger } from '../../../src-main/log';
import { reminderEmail, type RenderedEmail } from '../../../src-main/mail/templates';
import { SMTP_TIMEOUTS } from '../../../src-main/mail/transport';
import { call } from '../../../src-main/rpc/dispatch';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { memorySecretStore } from '../../../src-main/services/common/secrets';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

const quick = process.argv.includes('--quick');
const N = quick ? 100 : 1000;
const ROUNDS = quick ? 1 : 3;
/** One connection per message pays the server's 100 ms greeting delay each time: fewer, same rate. */
const UNPOOLED_N = quick ? 20 : 200;
const MAX_CONNECTIONS = 3;
const FROM = '"Sneaky Klaus" <santa@example.test>';

interface SinkStats {
  arrived: number;
  unique: number;
  maxConnections: number;
}

interface Run extends SinkStats {
  name: string;
  messages: number;
  seconds: number;
  /** Write transactions committed during the run (each an fsync with synchronous=FULL); relay only. */
  commits?: number;
}

/** Sink process: `start` → a fresh sink's port; `stop` → its counts. */
async function sinkProcess(): Promise<void> {
  let sink: SmtpSink | null = null;
  process.on('message', (command: 'start' | 'stop') => {
    void (async () => {
      if (command === 'start') {
        sink = await startSmtpSink({ parse: false });
        process.send!({ port: sink.port });
      } else if (sink) {
        const stats: SinkStats = { arrived: sink.messages.length, unique: new Set(sink.messages.map((m) => m.messageId)).size, maxConnections: sink.connections.max };
        await sink.stop();
        sink = null;
        process.send!(stats);
      }
    })();
  });
  process.on('disconnect', () => process.exit(0));
}

function ask<T>(child: ChildProcess, command: 'start' | 'stop'): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(command);
  });
}

function reminders(n: number): Array<{ to: string; email: RenderedEmail; messageId: string }> {
  const exchange = {
    name: 'Office party 2026',
    description: 'Bring something small.',
    exchangeAt: Date.parse('2026-12-18T17:00:00Z'),
    timezone: 'Europe/Berlin',
    location: 'The kitchen',
    budget: { amount: '25', currency: 'EUR' },
  };
  return Array.from({ length: n }, (_, i) => ({
    to: `person${i}@example.test`,
    messageId: `<bench-${i}@sneaky-klaus.local>`,
    email: reminderEmail({
      locale: 'en',
      exchange,
      participantName: `Person ${i}`,
      receiverName: `Person ${(i + 1) % n}`,
      receiverGiftIdeas: 'Books about birds\nGood tea\nhttps://shop.example.test/wishlist/42',
      daysLeft: 3,
      link: `http://192.168.1.20:4317/p/${i.toString(36).padStart(22, 'x')}`,
    }),
  }));
}

type Scenario = (port: number) => Promise<{ name: string; messages: number; run: () => Promise<void>; cleanup?: () => Promise<void>; commits?: () => number }>;

async function measure(sinkChild: ChildProcess, scenario: Scenario): Promise<Run> {
  const { port } = await ask<{ port: number }>(sinkChild, 'start');
  const { name, messages, run, cleanup, commits } = await scenario(port);
  try {
    const start = performance.now();
    await run();
    const seconds = (performance.now() - start) / 1000;
    return { name, messages, seconds, ...(commits ? { commits: commits() } : {}), ...(await ask<SinkStats>(sinkChild, 'stop')) };
  } finally {
    await cleanup?.();
  }
}

/** `synchronous`: FULL is production; NORMAL (no fsync per commit) only shows what the fsyncs cost. */
const relayScenario =
  (synchronous: 'FULL' | 'NORMAL', n: number = N): Scenario =>
  async (port) => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-bench-mail-'));
    const app = await createApp({ dataDir: dir, random: seededRandom(7), log: silentLogger, smtpPassword: memorySecretStore() });
    app.deps.db.sqlite.pragma(`synchronous = ${synchronous}`);
    const saved = await call(app.deps, 'smtp.set', sinkSmtpSettings({ port }, { maxConnections: MAX_CONNECTIONS }));
    if (!saved.ok) throw new Error(saved.error.message);
    // A matched exchange of n people 10 days ahead; the outbox holds reminder intents only, so each
    // message is rendered at sending (giftee, remaining time, a fresh login token), as in production.
    const created = await call(app.deps, 'exchanges.create', {
      name: 'Office party 2026',
      description: 'Bring something small.',
      location: 'The kitchen',
      budget: { amount: '25', currency: 'EUR' },
      exchangeAt: new Date(app.deps.clock.now() + 10 * 86_400_000).toISOString().slice(0, 16),
      timezone: 'Europe/Berlin',
      registrationDeadline: null,
    });
    if (!created.ok) throw new Error(created.error.message);
    const exchangeId = created.value.id;
    const sql = app.deps.db.sqlite;
    app.deps.db.transaction(() => {
      const add = sql.prepare(
        'insert into participants (exchange_id, name, email, gift_ideas, reminders_enabled, is_organizer, created_at, updated_at) values (?, ?, ?, ?, 1, 0, 0, 0)',
      );
      const ids = Array.from({ length: n }, (_, i) =>
        Number(add.run(exchangeId, `Person ${i}`, `person${i}@example.test`, 'Books about birds\nGood tea\nhttps://shop.example.test/wishlist/42').lastInsertRowid),
      );
      const match = sql.prepare('insert into matches (exchange_id, giver_id, receiver_id, created_at) values (?, ?, ?, 0)');
      ids.forEach((id, i) => match.run(exchangeId, id, ids[(i + 1) % n]));
      sql.prepare("update exchanges set state = 'matched' where id = ?").run(exchangeId);
      ids.forEach((id, i) =>
        enqueueMail(app.deps, { key: `reminder:${exchangeId}:3:${id}`, kind: 'reminder', to: `person${i}@example.test`, exchangeId, participantId: id, params: { daysBefore: 3 } }),
      );
    });
    // Count the outermost write transactions from here on: with synchronous=FULL each is an fsync.
    let commits = 0;
    let depth = 0;
    const transaction = app.deps.db.transaction.bind(app.deps.db);
    app.deps.db.transaction = <T>(fn: () => T): T => {
      depth++;
      try {
        return transaction(fn);
      } finally {
        depth--;
        if (depth === 0) commits++;
      }
    };
    return {
      name: synchronous === 'FULL' ? 'relay (outbox + Relay.drainOnce)' : 'relay, synchronous=NORMAL (reference)',
      messages: n,
      commits: () => commits,
      async run() {
        let sent = 0;
        for (let pass = 0; sent < n && pass < n; pass++) {
          const report = await app.relay.drainOnce();
          if (report.claimed === 0) break;
          sent += report.sent;
        }
        if (sent !== n) throw new Error(`relay sent ${sent} of ${n}`);
      },
      async cleanup() {
        await app.relay.stop();
        app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };

function transportOptions(port: number, pooled: boolean) {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    ...SMTP_TIMEOUTS,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(pooled ? { pool: true as const, maxConnections: MAX_CONNECTIONS, maxMessages: 100 } : {}),
  };
}

function mailOf(m: { to: string; email: RenderedEmail; messageId: string }) {
  return { from: FROM, to: m.to, subject: m.email.subject, text: m.email.text, html: m.email.html, messageId: m.messageId, headers: { 'Auto-Submitted': 'auto-generated' } };
}

const rawPooledScenario =
  (n: number): Scenario =>
  async (port) => {
    const mails = reminders(n);
    const transport = nodemailer.createTransport(transportOptions(port, true));
    return {
      name: 'raw pooled nodemailer',
      messages: n,
      run: async () => void (await Promise.all(mails.map((m) => transport.sendMail(mailOf(m))))),
      cleanup: async () => transport.close(),
    };
  };

const unpooledScenario: Scenario = async (port) => {
  const mails = reminders(UNPOOLED_N);
  const transport = nodemailer.createTransport(transportOptions(port, false));
  return {
    name: 'unpooled nodemailer, sequential',
    messages: UNPOOLED_N,
    async run() {
      for (const m of mails) await transport.sendMail(mailOf(m));
    },
    cleanup: async () => transport.close(),
  };
};

const rate = (r: Run) => r.messages / r.seconds;
const best = (runs: Run[]) => runs.reduce((a, b) => (rate(b) > rate(a) ? b : a));
const rounds = (runs: Run[]) => runs.map((r) => rate(r).toFixed(0)).join(', ');

async function main(): Promise<void> {
  console.log(`mail benchmark: ${N} reminder emails, maxConnections ${MAX_CONNECTIONS}, sink in its own process, best of ${ROUNDS} round(s)`);
  const sinkChild = fork(fileURLToPath(import.meta.url), ['--sink'], { execArgv: ['--import', 'tsx'] });
  try {
    // Warm-up (JIT, module loading), not counted: both sides, or the relay's first round is cold.
    await measure(sinkChild, rawPooledScenario(50));
    await measure(sinkChild, relayScenario('FULL', 100));
    const relays: Run[] = [];
    const raws: Run[] = [];
    const normals: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      relays.push(await measure(sinkChild, relayScenario('FULL')));
      raws.push(await measure(sinkChild, rawPooledScenario(N)));
      if (!quick) normals.push(await measure(sinkChild, relayScenario('NORMAL')));
    }
    const unpooled = await measure(sinkChild, unpooledScenario);
    const baseline = rate(best(raws));
    const shown = [best(relays), best(raws), ...(normals.length > 0 ? [best(normals)] : []), unpooled];
    console.table(
      shown.map((r) => ({
        scenario: r.name,
        messages: r.messages,
        'msg/s': rate(r).toFixed(1),
        'vs raw pooled': `${(rate(r) / baseline).toFixed(2)}×`,
        'max connections': r.maxConnections,
        'messages per commit': r.commits ? (r.messages / r.commits).toFixed(1) : '',
        arrived: `${r.unique}/${r.messages}`,
      })),
    );
    if (ROUNDS > 1) console.log(`every round, msg/s: relay ${rounds(relays)}; raw pooled ${rounds(raws)}; relay NORMAL ${rounds(normals)}`);

    const problems: string[] = [];
    for (const r of [...relays, ...raws, ...normals, unpooled]) {
      if (r.unique !== r.messages || r.arrived !== r.messages) problems.push(`${r.name}: ${r.unique} distinct of ${r.messages} arrived (${r.arrived} in all)`);
      if (r.maxConnections > MAX_CONNECTIONS) problems.push(`${r.name}: ${r.maxConnections} connections at once, limit ${MAX_CONNECTIONS}`);
    }
    const ratio = rate(best(relays)) / baseline;
    console.log(`relay / raw pooled = ${ratio.toFixed(2)} (target ≥ 0.80)${ratio < 0.8 ? '  BELOW TARGET' : ''}`);
    if (problems.length > 0) {
      console.error(`FAILED:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    sinkChild.disconnect();
  }
}

if (process.argv.includes('--sink')) await sinkProcess();
else await main();
