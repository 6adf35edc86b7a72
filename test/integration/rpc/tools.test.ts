import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCloudflared } from '../../support/stand-ins';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
let exchangeId: number;
beforeEach(async () => {
  t = await createTestApp();
  exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
});
afterEach(async () => {
  await t.app.stop(1_000);
  t.close();
});

describe('CSV import and export', () => {
  const csv =
    'Name;E-mail;Gift ideas\nAnn;ann@example.com;Books\n"Bob ""B"" Jones";BOB@example.com;"Tea; biscuits"\nCy;not-an-email;\n;dee@example.com;\nEve;ann@example.com;\nann;ANN@example.com;\n';

  it('previews every row and names the bad ones by line, adding nothing', async () => {
    const preview = await t.ok('participants.import', { exchangeId, csv, dryRun: true });
    expect(preview.added).toBe(0);
    expect(preview.rows.map((r) => [r.line, r.name, r.email, r.error])).toEqual([
      [2, 'Ann', 'ann@example.com', null],
      [3, 'Bob "B" Jones', 'bob@example.com', null],
      [4, 'Cy', 'not-an-email', expect.stringMatching(/exactly one @/)],
      [5, '', 'dee@example.com', 'Enter a name.'],
      // Eve shares Ann's address (a family may); "ann" at it again is Ann, named twice.
      [6, 'Eve', 'ann@example.com', null],
      [7, 'ann', 'ann@example.com', 'ann <ann@example.com> is also on line 2.'],
    ]);
    expect(preview.rows[1]!.giftIdeas).toBe('Tea; biscuits');
    expect(await t.ok('participants.list', { exchangeId })).toEqual([]);
  });

  it('refuses to import while rows are bad, then imports all good rows at once', async () => {
    const refused = await t.call('participants.import', { exchangeId, csv, dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/3 rows need fixing first \(line 4, 5, 7\)/) } });
    expect(await t.ok('participants.list', { exchangeId })).toEqual([]);
    const good = 'name,email\nAnn,ann@example.com\nBob,bob@example.com\n';
    expect((await t.ok('participants.import', { exchangeId, csv: good, dryRun: false })).added).toBe(2);
    const again = await t.ok('participants.import', { exchangeId, csv: good, dryRun: true });
    expect(again.rows[0]!.error).toBe('Ann <ann@example.com> is already taking part.');
  });

  it('says what is wrong with a file that is not a participant list', async () => {
    expect(await t.call('participants.import', { exchangeId, csv: 'a,b\n1,2\n' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/"name" and "email"/) } });
    expect(await t.call('participants.import', { exchangeId, csv: '' })).toMatchObject({ ok: false, error: { message: 'The file is empty.' } });
    expect(await t.call('participants.import', { exchangeId, csv: 'name,email\n"Ann,ann@example.com\n' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not readable as CSV/) },
    });
  });

  it('exports what it imports', async () => {
    await t.ok('participants.import', { exchangeId, csv: 'name,email,gift ideas\n"Ann, the elder",ann@example.com,"Line one\nLine two"\n', dryRun: false });
    const out = await t.ok('participants.export', { exchangeId });
    expect(out.filename).toBe('family-christmas-2026-participants.csv');
    const back = await t.ok('participants.import', { exchangeId: (await t.ok('exchanges.create', exchangeInput({ name: 'Copy' }))).id, csv: out.csv, dryRun: true });
    expect(back.rows).toEqual([{ line: 2, name: 'Ann, the elder', email: 'ann@example.com', giftIdeas: 'Line one\nLine two', error: null }]);
  });
});

describe('links, QR codes and the network', () => {
  it('gives the invite link with a QR code and replaces a leaked one', async () => {
    const link = await t.ok('exchanges.inviteLink', { exchangeId });
    const code = (await t.ok('exchanges.get', { exchangeId })).inviteCode;
    expect(link.url).toBe(`http://localhost:4317/i/${code}`);
    expect(link.qrSvg).toMatch(/^<svg role="img" aria-label="QR code of the invite link"/);
    const replaced = await t.ok('exchanges.replaceInviteCode', { exchangeId });
    expect(replaced.inviteCode).not.toBe(code);
  });

  it('uses the public address in every link once set', async () => {
    await t.ok('settings.update', { publicBaseUrl: 'https://santa.example.net' });
    expect((await t.ok('exchanges.inviteLink', { exchangeId })).url).toMatch(/^https:\/\/santa\.example\.net\/i\//);
    expect((await t.ok('network.info', {})).linkBase).toBe('https://santa.example.net');
  });

  it('makes a fresh personal link that replaces the previous one', async () => {
    const p = await t.ok('participants.add', { exchangeId, name: 'Ann', email: 'ann@example.com' });
    const first = await t.ok('participants.personalLink', { participantId: p.id, confirm: true });
    expect(first.url).toMatch(/\/auth\/[A-Za-z0-9_-]{43}$/);
    expect(first.expiresAt).toBe(t.clock.now() + 24 * 3_600_000);
    const second = await t.ok('participants.personalLink', { participantId: p.id, confirm: true });
    expect(second.url).not.toBe(first.url);
    expect(t.deps.db.sqlite.prepare("select count(*) n from magic_tokens where purpose = 'personal'").get()).toEqual({ n: 1 });
  });

  it('starts a quick tunnel with cloudflared and takes its address', async () => {
    process.env.SNEAKY_KLAUS_CLOUDFLARED = fakeCloudflared();
    try {
      await t.app.start({ participant: { host: '127.0.0.1', port: 0 } });
      const info = await t.ok('network.startTunnel', {});
      expect(info.tunnel).toMatchObject({ available: true, running: true, url: 'https://merry-fox-sleigh.trycloudflare.com' });
      expect(info.linkBase).toBe('https://merry-fox-sleigh.trycloudflare.com');
      expect((await t.ok('network.stopTunnel', {})).tunnel.running).toBe(false);
    } finally {
      delete process.env.SNEAKY_KLAUS_CLOUDFLARED;
    }
  });

  it('says plainly when cloudflared is missing', async () => {
    process.env.SNEAKY_KLAUS_CLOUDFLARED = '/nonexistent/cloudflared';
    try {
      await t.app.start({ participant: { host: '127.0.0.1', port: 0 } });
      expect(await t.call('network.startTunnel', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/not installed/) } });
    } finally {
      delete process.env.SNEAKY_KLAUS_CLOUDFLARED;
    }
  });
});

describe('backups', () => {
  it('backs up now, lists, and restores at the next start', async () => {
    const backup = await t.ok('backups.create', {});
    expect(backup).toMatchObject({ reason: 'manual', createdAt: t.clock.now() });
    expect((await t.ok('backups.list', {})).map((b) => b.name)).toEqual([backup.name]);
    await t.ok('exchanges.create', exchangeInput({ name: 'Made after the backup' }));
    expect(await t.call('backups.restore', { name: backup.name } as never)).toMatchObject({ ok: false, error: { issues: [{ path: 'confirm' }] } });
    expect(await t.ok('backups.restore', { name: backup.name, confirm: true })).toMatchObject({ pending: true });
    const dir = t.dir;
    t.app.close();
    const reopened = await createTestApp({ dir });
    try {
      expect((await reopened.ok('exchanges.list', {})).map((e) => e.name)).toEqual(['Family Christmas 2026']);
      expect((await reopened.ok('backups.list', {})).map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);
      expect(existsSync(join(dir, 'restore-pending.sqlite3'))).toBe(false);
    } finally {
      reopened.close();
    }
  });
});

describe('the blind organizer in the outbox', () => {
  it('withholds the text of emails that name a giftee unless asked, and never offers their links', async () => {
    for (const name of ['Ann', 'Bob', 'Cy']) await t.ok('participants.add', { exchangeId, name, email: `${name.toLowerCase()}@example.com`, giftIdeas: `Ideas of ${name}` });
    await t.ok('exchanges.transition', { exchangeId, action: 'open' });
    await t.ok('exchanges.transition', { exchangeId, action: 'close' });
    await t.ok('exchanges.draw', { exchangeId });
    const match = (await t.ok('outbox.list', { kind: 'match' }))[0]!;
    const hidden = await t.ok('outbox.get', { id: match.id });
    expect(hidden).toMatchObject({ hidden: true, text: '', html: '' });
    // A live login link would let the organizer open the giver's page and read the giftee.
    expect(hidden.links).toEqual([]);
    const shown = await t.ok('outbox.get', { id: match.id, showPrivate: true, confirm: true });
    expect(shown.hidden).toBe(false);
    expect(shown.text).toMatch(/Ideas of (Ann|Bob|Cy)/);
    expect(shown.links).toEqual([]);
    expect(shown.text).not.toMatch(/\/auth\/[A-Za-z0-9_-]{43}/);
  });
});
