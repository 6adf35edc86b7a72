import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCloudflared } from '../../support/stand-ins';
import { createApp } from '../../../src-main/app';
import { InstanceLockedError } from '../../../src-main/instance-lock';
import { silentLogger } from '../../../src-main/log';
import { drawnExchange } from '../../support/jobs-fixtures';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const XMAS = '2026-12-24T18:00';
const ZONE = 'Europe/Berlin';
const LAN_URL = 'http://192.168.1.20:4317';

/** The pid of a process that has just exited (so no process holds it now). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

describe('the data folder has a single owner', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sk-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a second app on the same folder is refused with a clear message; after close the folder is free again', async () => {
    const first = await createApp({ dataDir: dir, log: silentLogger });
    try {
      const second = createApp({ dataDir: dir, log: silentLogger });
      await expect(second).rejects.toBeInstanceOf(InstanceLockedError);
      await expect(second).rejects.toThrow(`Sneaky Klaus is already running with this data folder (${dir}, process ${process.pid}). Close it first, or use its window.`);
      expect(readFileSync(join(dir, 'sneaky-klaus.lock'), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      first.close();
    }
    expect(existsSync(join(dir, 'sneaky-klaus.lock'))).toBe(false);
    const again = await createApp({ dataDir: dir, log: silentLogger });
    again.close();
  });

  it('a live process holding the lock keeps it: the app is refused, naming that process', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'sneaky-klaus.lock'), String(holder.pid));
      await expect(createApp({ dataDir: dir, log: silentLogger })).rejects.toThrow(`process ${holder.pid}`);
      expect(readFileSync(join(dir, 'sneaky-klaus.lock'), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a stale lock left by a dead process (kill -9) is taken over', async () => {
    const pid = await deadPid();
    writeFileSync(join(dir, 'sneaky-klaus.lock'), String(pid));
    const app = await createApp({ dataDir: dir, log: silentLogger });
    expect(readFileSync(join(dir, 'sneaky-klaus.lock'), 'utf8').trim()).toBe(String(process.pid));
    app.close();
    expect(existsSync(join(dir, 'sneaky-klaus.lock'))).toBe(false);
  });

  it('a stale lock naming this very pid (an earlier life of a restarted container) is taken over', async () => {
    writeFileSync(join(dir, 'sneaky-klaus.lock'), String(process.pid));
    const app = await createApp({ dataDir: dir, log: silentLogger });
    await expect(createApp({ dataDir: dir, log: silentLogger })).rejects.toBeInstanceOf(InstanceLockedError);
    app.close();
    expect(existsSync(join(dir, 'sneaky-klaus.lock'))).toBe(false);
  });

  it('an unreadable lock (empty: a crash between create and write) is taken over too', async () => {
    writeFileSync(join(dir, 'sneaky-klaus.lock'), '');
    const app = await createApp({ dataDir: dir, log: silentLogger });
    expect(readFileSync(join(dir, 'sneaky-klaus.lock'), 'utf8').trim()).toBe(String(process.pid));
    app.close();
  });
});

describe('mail and the network', () => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ start: '2026-12-01T09:00:00Z' });
    t.deps.runtime.participantUrls = [LAN_URL];
  });
  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('450 at RCPT (mailbox busy) is temporary: "will retry", then delivered without the organizer', async () => {
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
    const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: ZONE, tag: 'Busy' });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
    const busy = x.people[1]!.email;
    sink.failRecipient(busy, 450, 2);

    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 3, retrying: 1, failed: 0 }); // 2 matches + the organizer's notice
    const row = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === busy)!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1, retryAt: t.clock.now() + 60_000 });
    expect(row.lastError).toMatch(/try again later/);
    expect(row.lastError).not.toMatch(/may not exist/);

    t.clock.advance(60_000);
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    expect((await t.ok('outbox.get', { id: row.id })).retryAt).toBe(t.clock.now() + 5 * 60_000);
    t.clock.advance(5 * 60_000);
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(await t.ok('outbox.get', { id: row.id })).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(sink.messages.filter((m) => m.envelopeTo[0] === busy)).toHaveLength(1);
    expect(await t.ok('outbox.list', { kind: 'organizer-delivery-failures' })).toEqual([]);
  });

  it('421 at the greeting is temporary: retried after a minute, then delivered', async () => {
    const x = await drawnExchange(t, { n: 2, exchangeAt: XMAS, timezone: ZONE, tag: 'Greet' });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
    sink.failGreetings(1);

    const first = await t.app.relay.drainOnce();
    expect(first.failed).toBe(0);
    expect(first.retrying).toBeGreaterThanOrEqual(1);
    const waiting = (await t.ok('outbox.list', { kind: 'match' })).filter((r) => r.status === 'queued');
    expect(waiting.length).toBe(first.retrying);
    for (const row of waiting) {
      expect(row).toMatchObject({ attempts: 1, retryAt: t.clock.now() + 60_000 });
      expect(row.lastError).toMatch(/busy or temporarily refusing connections/);
    }

    t.clock.advance(60_000);
    await t.app.relay.drainOnce();
    expect((await t.ok('outbox.list', { kind: 'match' })).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(x.people.map((p) => p.email).sort());
  });

  it('stopping the tunnel puts links back on the LAN address and tells the organizer who can get a fresh link', async () => {
    const fake = fakeCloudflared('https://fake-quick-tunnel.trycloudflare.com');
    const saved = process.env['SNEAKY_KLAUS_CLOUDFLARED'];
    process.env['SNEAKY_KLAUS_CLOUDFLARED'] = fake;
    try {
      const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: ZONE, tag: 'Tun' });
      await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
      t.deps.runtime.participantPort = 4317;
      const tunnel = 'https://fake-quick-tunnel.trycloudflare.com';
      const started = await t.ok('network.startTunnel', {});
      expect(started).toMatchObject({ publicBaseUrl: tunnel, linkBase: tunnel, tunnel: { running: true, url: tunnel } });

      // Two of three match emails go out through the tunnel; one address is refused for good.
      const refused = x.people[0]!;
      sink.failRecipient(refused.email, 550, 1);
      t.clock.advance(1_000);
      await t.app.relay.drainOnce();
      const mailed = x.people.filter((p) => p !== refused);
      for (const p of mailed) expect(sink.messages.find((m) => m.envelopeTo[0] === p.email)!.parsed!.text).toContain(`${tunnel}/auth/`);

      t.clock.advance(60_000);
      const stopped = await t.ok('network.stopTunnel', {});
      expect(stopped).toMatchObject({ publicBaseUrl: null, linkBase: LAN_URL, tunnel: { running: false, url: null } });
      const notice = (await t.ok('outbox.status', {})).notices.find((n) => n.kind === 'links-moved')!;
      expect(notice.participantIds.sort()).toEqual(mailed.map((p) => p.id).sort());
      expect(notice.message).toContain(`The public address changed from ${tunnel} to ${LAN_URL}`);
      expect(notice.message).toContain(`These 2 people have one: ${mailed.map((p) => p.name).join(' and ')}.`);
      expect(notice.message).not.toContain(refused.name);

      // A fresh email (Resend re-renders) carries the LAN address, with a token that works there.
      const row = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === mailed[0]!.email)!;
      await t.ok('outbox.resend', { id: row.id });
      await t.app.relay.drainOnce();
      const fresh = sink.messages.filter((m) => m.envelopeTo[0] === mailed[0]!.email).at(-1)!;
      expect(fresh.messageId).toBe(sink.messages.find((m) => m.envelopeTo[0] === mailed[0]!.email)!.messageId);
      expect(fresh.parsed!.text).toContain(`${LAN_URL}/auth/`);
      expect(fresh.parsed!.text).not.toContain('trycloudflare');
    } finally {
      if (saved === undefined) delete process.env['SNEAKY_KLAUS_CLOUDFLARED'];
      else process.env['SNEAKY_KLAUS_CLOUDFLARED'] = saved;
      rmSync(dirname(fake), { recursive: true, force: true });
    }
  });
});
