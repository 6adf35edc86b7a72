import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchClient } from '../../support/participant-client';
import { ensureBuilt, startServe, type ServeProcess } from '../../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';

/*
 * Headless (npm run serve as a child process): the organizer's notices about sign-ups, one each or
 * the daily digest, say where the organizer screens are, and never carry the admin secret.
 */
let dir: string;
let sink: SmtpSink;
let serve: ServeProcess;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-serve-notices-'));
  sink = await startSmtpSink();
  serve = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
});
afterAll(async () => {
  await serve?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function rpc<T>(name: string, input: unknown = {}): Promise<T> {
  const answer = await serve.rpc(name, input);
  expect(answer.body.ok, `${name}: ${JSON.stringify(answer.body)}`).toBe(true);
  return answer.body.value as T;
}

async function signUp(code: string, name: string): Promise<void> {
  const browser = fetchClient(serve.participantUrl);
  await browser.get(`/i/${code}`);
  expect((await browser.post(`/i/${code}`, { name, email: `${name.toLowerCase()}@example.test`, giftIdeas: '' })).status).toBe(200);
}

const toOrganizer = () => sink.messages.filter((m) => m.envelopeTo.includes('olga@example.test'));
const textOf = (m: ReceivedMessage) => m.parsed!.text ?? '';

describe('organizer notices of npm run serve', () => {
  it('a sign-up notice and the daily digest link to the organizer screens, without the secret', async () => {
    await rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, setupComplete: true });
    await rpc('smtp.set', sinkSmtpSettings(sink));
    const exchange = await rpc<{ id: number; inviteCode: string }>('exchanges.create', { name: 'Office party', exchangeAt: '2030-12-18T17:00', timezone: 'Europe/Berlin' });
    await rpc('exchanges.transition', { exchangeId: exchange.id, action: 'open' });

    await signUp(exchange.inviteCode, 'Ann');
    await sink.waitForMessages(2, 30_000);
    const [notice] = toOrganizer();
    expect(notice!.parsed!.subject).toBe('Office party: Ann signed up');

    await rpc('settings.update', { signupNotices: 'daily' });
    await signUp(exchange.inviteCode, 'Bob');
    // Run now (the scheduler's own 18:00 UTC run, should it come first, sends the same one digest).
    await rpc('jobs.runNow', { job: 'signup-digest' });
    await sink.waitForMessages(4, 30_000);
    const digest = toOrganizer().find((m) => m.parsed!.subject === 'Office party: 1 new sign-up today');
    expect(textOf(digest!)).toMatch(/- Bob, /);
    expect(toOrganizer()).toHaveLength(2);

    for (const mail of [notice!, digest!]) {
      expect(textOf(mail)).toContain(`${serve.adminUrl}/`);
      expect(mail.parsed!.html).toContain(`href="${serve.adminUrl}/"`);
      expect(mail.raw.toString()).not.toContain(serve.secret);
    }
  });
});
