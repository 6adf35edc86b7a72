import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/log';
import { welcomeEmail } from '../../../src-main/mail/templates';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { memorySecretStore } from '../../../src-main/services/common/secrets';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const USER = 'santa@example.test';
const PASSWORD = 'correct-horse-7Q';
const WRONG = 'wrong-battery-9Z';

function enqueueWelcome(t: TestApp, to: string): number {
  const email = welcomeEmail({
    locale: 'en',
    exchange: { name: 'Office party', description: '', exchangeAt: Date.parse('2026-12-18T17:00:00Z'), timezone: 'Europe/Berlin', location: '', budget: null },
    participantName: 'Ann',
    link: 'http://127.0.0.1:4317/p/ann',
    registrationDeadline: null,
  });
  const id = t.deps.db.transaction(() => enqueueMail(t.deps, { key: `welcome:1:${to}`, kind: 'note', to, exchangeId: null, participantId: null, email }));
  if (id === null) throw new Error('not enqueued');
  return id;
}

describe('SMTP authentication', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const lines: string[] = [];

  beforeEach(async () => {
    lines.length = 0;
    sink = await startSmtpSink({ auth: { user: USER, password: PASSWORD } });
    t = await createTestApp({
      smtpPassword: memorySecretStore(),
      log: createLogger({ clock: { now: () => Date.parse('2026-11-01T09:00:00Z') }, level: 'debug', write: (line) => lines.push(line) }),
    });
  });

  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('fails a message at once on a wrong password, tells the organizer, and resends after the fix', async () => {
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' } });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: WRONG }));
    const id = enqueueWelcome(t, 'ann@example.test');

    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1, withdrawn: 0 });
    const failed = await t.ok('outbox.get', { id });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/did not accept the user name or password/);
    expect(sink.messages).toHaveLength(0);

    const notices = await t.ok('outbox.list', { kind: 'organizer-delivery-failures' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: 'olga@example.test', status: 'queued' });
    const notice = await t.ok('outbox.get', { id: notices[0]!.id });
    expect(notice.subject).toContain('could not be delivered');
    expect(notice.text).toContain('ann@example.test (note): The mail server did not accept the user name or password');

    // The notice itself cannot go out either, and must not beget another notice.
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1, withdrawn: 0 });
    expect(await t.ok('outbox.list', { kind: 'organizer-delivery-failures' })).toHaveLength(1);

    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: PASSWORD }));
    expect(await t.ok('outbox.retryFailed', {})).toEqual({ requeued: 2 });
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0, withdrawn: 0 });
    expect((await t.ok('outbox.get', { id })).status).toBe('sent');
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(['ann@example.test', 'olga@example.test']);
    expect(sink.messages.every((m) => m.user === USER)).toBe(true);
  });

  it('queues no notice when no organizer is set', async () => {
    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: WRONG }));
    enqueueWelcome(t, 'ann@example.test');
    expect((await t.app.relay.drainOnce()).failed).toBe(1);
    expect(await t.ok('outbox.list', {})).toHaveLength(1);
  });

  it('smtp.test explains success, a wrong password and a closed port, and never shows the password', async () => {
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' } });
    const saved = await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: PASSWORD }));
    expect(saved.hasPassword).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    const view = await t.ok('smtp.get', {});
    expect(view).toMatchObject({ configured: true, hasPassword: true, username: USER, port: sink.port });
    expect(JSON.stringify(view)).not.toContain(PASSWORD);

    const ok = await t.ok('smtp.test', {});
    expect(ok).toMatchObject({ ok: true, kind: 'ok' });
    expect(ok.message).toContain('olga@example.test');
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.parsed?.subject).toBe('Sneaky Klaus: test email');
    expect(sink.messages[0]!.envelopeTo).toEqual(['olga@example.test']);

    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: WRONG }));
    const auth = await t.ok('smtp.test', { to: 'someone@example.test' });
    expect(auth).toMatchObject({ ok: false, kind: 'auth' });
    expect(auth.message).toMatch(/password/);
    expect(JSON.stringify(auth)).not.toContain(WRONG);

    const closed = await startSmtpSink();
    const closedPort = closed.port;
    await closed.stop();
    await t.ok('smtp.set', sinkSmtpSettings({ port: closedPort }, { username: USER }));
    const refused = await t.ok('smtp.test', {});
    expect(refused).toMatchObject({ ok: false, kind: 'connection' });
    expect(sink.messages).toHaveLength(1);

    // The relay's failure path logs too; none of it may carry either password.
    await t.ok('smtp.set', sinkSmtpSettings(sink, { username: USER, password: WRONG }));
    enqueueWelcome(t, 'ann@example.test');
    expect((await t.app.relay.drainOnce()).failed).toBe(1);
    const rows = await t.ok('outbox.list', {});
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${PASSWORD}|${WRONG}`));

    expect(lines.filter((l) => l.includes('test email failed'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('mail delivery failed'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain(WRONG);
      expect(line).not.toContain(Buffer.from(`\0${USER}\0${WRONG}`).toString('base64'));
    }
  });
});
