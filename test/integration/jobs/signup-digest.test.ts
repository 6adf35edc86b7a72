import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src-main/http/listen';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { participantHosts } from '../../../src-main/services/network/addresses';
import { dataFolder, nextSeed } from '../../support/jobs-fixtures';
import { fetchClient } from '../../support/participant-client';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { withDeadline } from '../../support/stand-ins';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/*
 * The organizer's daily digest of sign-ups (issue #17): instead of one email per sign-up, one
 * email a day (18:00 UTC) listing who signed up for which exchange since the last one. Real SQLite
 * files (reopened across restarts), the participants' pages on a real socket, the relay delivering
 * to a real SMTP sink, a real child process killed with SIGKILL; time moves only by the manual clock.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../../support/jobs-child.ts', import.meta.url));
const ORGANIZER = 'olga@example.com';
/** What serve.ts puts in notices: the organizer screens' address (without the secret). */
const ADMIN_URL = 'http://127.0.0.1:4318/';

let folder: ReturnType<typeof dataFolder>;
let sink: SmtpSink;
let t: TestApp | null = null;
let listener: Listener | null = null;
let base = '';

async function launch(at: string): Promise<TestApp> {
  const app = await createTestApp({ dir: folder.dir, start: at, seed: nextSeed() });
  let port = 0;
  const pages = createParticipantApp(app.deps, { allowedHosts: () => participantHosts({ bindHost: '127.0.0.1', port, publicBaseUrl: null }) });
  listener = await listen(pages.fetch, { host: '127.0.0.1', port: 0 });
  port = listener.port;
  base = listener.url;
  app.deps.runtime.participantUrls = [base];
  app.deps.runtime.organizerUrl = ADMIN_URL;
  app.app.relay.start();
  t = app;
  return app;
}

async function shutdown(): Promise<void> {
  if (!t) return;
  await t.app.jobs.stop();
  await t.app.relay.stop();
  await listener?.close();
  t.close();
  t = null;
  listener = null;
}

beforeEach(async () => {
  folder = dataFolder();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await shutdown();
  await sink.stop();
  folder.remove();
});

/** The organizer, mail, and one exchange open for sign-ups; the scheduler has seen its jobs once. */
async function setUp(t: TestApp, signupNotices: 'each' | 'daily'): Promise<{ code: string; exchangeId: number }> {
  await t.ok('settings.update', { organizer: { name: 'Olga', email: ORGANIZER }, timezone: 'Europe/Berlin', signupNotices });
  await t.ok('smtp.set', sinkSmtpSettings(sink));
  await t.app.jobs.runDue();
  return openExchange(t, 'Family Christmas 2026');
}

async function openExchange(t: TestApp, name: string): Promise<{ code: string; exchangeId: number }> {
  const exchange = await t.ok('exchanges.create', exchangeInput({ name }));
  await t.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
  return { code: exchange.inviteCode, exchangeId: exchange.id };
}

/** Signs up through the invite page over real HTTP, as a visitor would. */
async function signUp(code: string, name: string): Promise<void> {
  const browser = fetchClient(base);
  await browser.get(`/i/${code}`);
  const answer = await browser.post(`/i/${code}`, { name, email: `${name.toLowerCase()}@example.com`, giftIdeas: '' });
  expect(answer.status).toBe(200);
}

const settled = () => withDeadline(t!.app.relay.settled(), 30_000, () => 'relay did not settle');
const digests = () => sink.messages.filter((m) => m.envelopeTo.includes(ORGANIZER) && /new sign-ups? today/.test(m.parsed!.subject ?? ''));
const textOf = (m: ReceivedMessage) => m.parsed!.text ?? '';
const rows = (kind: string) => (t!.deps.db.sqlite.prepare('select count(*) n from email_outbox where kind = ?').get(kind) as { n: number }).n;
const digestRuns = async () => (await t!.app.jobs.runDue()).filter((r) => r.job === 'signup-digest');
const unreported = () =>
  (t!.deps.db.sqlite.prepare('select name from participants where registered_at is not null and signup_reported_at is null order by id').all() as Array<{ name: string }>).map(
    (r) => r.name,
  );

describe('daily digest of sign-ups', () => {
  it("sends one email with the day's sign-ups per exchange at 18:00 UTC, and nothing on a day without any", async () => {
    const t = await launch('2026-11-01T09:00:00Z');
    const family = await setUp(t, 'daily');
    t.clock.set('2026-11-01T10:00:00Z');
    await signUp(family.code, 'Ann');
    t.clock.set('2026-11-01T15:30:00Z');
    await signUp(family.code, 'Bob');
    const office = await openExchange(t, 'Office party');
    await signUp(office.code, 'Cy');
    expect(rows('organizer-new-registration')).toBe(0);

    t.clock.set('2026-11-01T17:59:00Z');
    expect(await digestRuns()).toEqual([]);
    t.clock.set('2026-11-01T18:00:00Z');
    expect((await digestRuns()).map((r) => [r.outcome, r.counts])).toEqual([['ok', { signups: 3, digests: 1 }]]);
    // Three welcomes, one digest.
    await sink.waitForMessages(4);
    await settled();
    const [digest, ...more] = digests();
    expect(more).toEqual([]);
    expect(digest!.parsed!.subject).toBe('Sneaky Klaus: 3 new sign-ups today');
    const text = textOf(digest!);
    expect(text).toMatch(
      /Family Christmas 2026 \(now 2 participants\)[\s\S]*Ann, 1 Nov 2026, 11:00[\s\S]*Bob, 1 Nov 2026, 16:30[\s\S]*Office party \(now 1 participant\)[\s\S]*Cy,/,
    );
    // Headless: the notice says where the organizer screens are.
    expect(text).toContain(ADMIN_URL);

    // The next day nobody signs up: the job runs and sends nothing.
    t.clock.set('2026-11-02T18:00:00Z');
    expect((await digestRuns()).map((r) => r.counts)).toEqual([{ signups: 0, digests: 0 }]);
    await settled();
    expect(digests()).toHaveLength(1);
    expect(sink.messages).toHaveLength(4);

    // The day after, one sign-up: listed alone, nobody from before again.
    t.clock.set('2026-11-03T08:00:00Z');
    await signUp(family.code, 'Dee');
    t.clock.set('2026-11-03T18:00:00Z');
    await digestRuns();
    await sink.waitForMessages(6);
    await settled();
    expect(digests()).toHaveLength(2);
    const latest = textOf(digests()[1]!);
    expect(digests()[1]!.parsed!.subject).toBe('Family Christmas 2026: 1 new sign-up today');
    expect(latest).toContain('Dee');
    expect(latest).not.toMatch(/Ann|Bob|Cy/);
  });

  it('by default the organizer gets one email per sign-up, as before; sign-ups left from a daily period still go in the next digest', async () => {
    const t = await launch('2026-11-01T09:00:00Z');
    const family = await setUp(t, 'each');
    expect((await t.ok('settings.get', {})).signupNotices).toBe('each');
    await signUp(family.code, 'Ann');
    expect(rows('organizer-new-registration')).toBe(1);

    await t.ok('settings.update', { signupNotices: 'daily' });
    await signUp(family.code, 'Bob');
    await t.ok('settings.update', { signupNotices: 'each' });
    await signUp(family.code, 'Cy');
    expect(rows('organizer-new-registration')).toBe(2);

    t.clock.set('2026-11-01T18:00:00Z');
    expect((await digestRuns()).map((r) => r.counts)).toEqual([{ signups: 1, digests: 1 }]);
    // Three welcomes, two sign-up notices (Ann, Cy), one digest (Bob).
    await sink.waitForMessages(6);
    await settled();
    const notices = sink.messages.filter((m) => / signed up$/.test(m.parsed!.subject ?? '')).map((m) => m.parsed!.subject);
    expect(notices).toEqual(['Family Christmas 2026: Ann signed up', 'Family Christmas 2026: Cy signed up']);
    expect(digests()).toHaveLength(1);
    expect(textOf(digests()[0]!)).toMatch(/Bob/);
    expect(textOf(digests()[0]!)).not.toMatch(/Ann|Cy,/);
    // Each notice, like the digest, says where the organizer screens are.
    for (const m of sink.messages.filter((m) => m.envelopeTo.includes(ORGANIZER))) expect(textOf(m)).toContain(ADMIN_URL);
  });

  it('settings refuse an unknown choice, naming the field, and keep the old one', async () => {
    const t = await launch('2026-11-01T09:00:00Z');
    await t.ok('settings.update', { signupNotices: 'daily' });
    const bad = await t.call('settings.update', { signupNotices: 'hourly' as never, currency: 'USD' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path)).toEqual(['signupNotices']);
    expect(await t.ok('settings.get', {})).toMatchObject({ signupNotices: 'daily', currency: 'EUR' });
  });

  it('loses and repeats nothing across a restart, a failed run and a kill -9 during the run', async () => {
    let app = await launch('2026-11-01T09:00:00Z');
    const family = await setUp(app, 'daily');
    app.clock.set('2026-11-01T10:00:00Z');
    await signUp(family.code, 'Ann');
    await signUp(family.code, 'Bob');
    // The computer is switched off before 18:00 and on again the next morning: the missed digest runs once.
    await shutdown();
    app = await launch('2026-11-02T08:00:00Z');
    expect((await digestRuns()).map((r) => r.counts)).toEqual([{ signups: 2, digests: 1 }]);
    expect(await digestRuns()).toEqual([]);

    // A run that fails half-way (the outbox refuses the row) marks nothing: the next run lists them.
    app.clock.set('2026-11-02T10:00:00Z');
    await signUp(family.code, 'Cy');
    app.deps.db.sqlite.exec(
      "create trigger refuse_digest before insert on email_outbox when new.kind = 'organizer-signup-digest' begin select raise(abort, 'disk I/O error'); end",
    );
    app.clock.set('2026-11-02T18:00:00Z');
    expect((await digestRuns()).map((r) => [r.outcome, r.error])).toEqual([['failed', 'disk I/O error']]);
    expect(unreported()).toEqual(['Cy']);
    app.deps.db.sqlite.exec('drop trigger refuse_digest');

    // The next day's run is cut by a kill -9 somewhere after the database is open.
    app.clock.set('2026-11-03T09:00:00Z');
    await signUp(family.code, 'Dee');
    await shutdown();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder.dir, '2026-11-03T18:00:00Z'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('opened')) resolve();
      });
      child.on('exit', () => (out.includes('opened') ? resolve() : reject(new Error(`child exited early: ${out}`))));
    });
    child.kill('SIGKILL');
    await exited;

    // Relaunched: whatever the kill left, Cy and Dee are reported exactly once, and Ann and Bob not again.
    app = await launch('2026-11-03T18:05:00Z');
    await app.app.jobs.runDue();
    expect(unreported()).toEqual([]);
    await settled();
    const all = digests();
    const listed = all.flatMap((m) => [...textOf(m).matchAll(/^- (Ann|Bob|Cy|Dee),/gm)].map((x) => x[1]));
    expect(listed.sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(all).toHaveLength(2);
  });
});
