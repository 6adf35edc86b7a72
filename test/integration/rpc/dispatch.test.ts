import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { OPERATION_NAMES, operations } from '../../../src-main/contract/operations';
import { dispatch } from '../../../src-main/rpc/dispatch';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** Operations whose every field is optional. */
const NO_REQUIRED_INPUT = new Set(OPERATION_NAMES.filter((name) => operations[name].input.safeParse({}).success));

describe('dispatch', () => {
  it('refuses an unknown operation by name', async () => {
    expect(await dispatch(t.deps, 'exchanges.explode', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no operation called "exchanges.explode".' },
    });
  });

  it.each(OPERATION_NAMES)('%s refuses input that is not an object', async (name) => {
    expect(await dispatch(t.deps, name, 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(t.deps, name, [1, 2])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('knows which operations need no input', () => {
    expect([...NO_REQUIRED_INPUT].sort()).toEqual(
      [
        'app.info',
        'backups.create',
        'backups.list',
        'exchanges.list',
        'jobs.health',
        'jobs.runDue',
        'jobs.runs',
        'jobs.upcoming',
        'network.info',
        'network.startTunnel',
        'network.stopTunnel',
        'outbox.list',
        'outbox.retryFailed',
        'outbox.status',
        'settings.get',
        'settings.update',
        'smtp.get',
        'smtp.test',
      ].sort(),
    );
  });

  it.each(OPERATION_NAMES.filter((name) => !NO_REQUIRED_INPUT.has(name)))('%s names the missing or wrong field', async (name) => {
    const missing = await dispatch(t.deps, name, {});
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error.code).toBe('invalid_input');
    expect(missing.error.issues?.length).toBeGreaterThan(0);
    for (const issue of missing.error.issues ?? []) expect(issue.path).not.toBe('');
    expect(missing.error.message).toContain(missing.error.issues![0]!.path);
  });

  it('turns a bug into a generic internal error without details, and logs it', async () => {
    const logged: string[] = [];
    t.deps.log = { ...t.deps.log, error: (message) => logged.push(message) };
    const { id } = await t.ok('exchanges.create', { name: 'X', exchangeAt: '2026-12-24T18:00', timezone: 'UTC' });
    t.deps.db.sqlite.exec('drop table household_members');
    const broken = await dispatch(t.deps, 'rules.get', { exchangeId: id });
    expect(broken).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side. The details were written to the log.' } });
    expect(logged).toEqual(['operation failed']);
  });

  it('every operation has a summary for the API listing', () => {
    for (const name of OPERATION_NAMES) expect(operations[name].summary.length).toBeGreaterThan(10);
  });
});

describe('settings and app info', () => {
  it('has sensible defaults and saves a validated organizer', async () => {
    const defaults = await t.ok('settings.get', {});
    expect(defaults).toMatchObject({ organizer: null, reminderDays: [7, 3, 1], retentionDays: 30, setupComplete: false });
    const saved = await t.ok('settings.update', {
      organizer: { name: 'Olga', email: ' Olga@Example.com ' },
      timezone: 'Europe/Berlin',
      publicBaseUrl: 'https://santa.example.net/',
      setupComplete: true,
    });
    expect(saved).toMatchObject({
      organizer: { name: 'Olga', email: 'olga@example.com' },
      timezone: 'Europe/Berlin',
      publicBaseUrl: 'https://santa.example.net',
      setupComplete: true,
    });
  });

  it.each([
    [{ organizer: { name: 'Olga', email: 'nope' } }, 'organizer.email'],
    [{ timezone: 'Nowhere/Land' }, 'timezone'],
    [{ retentionDays: 2 }, 'retentionDays'],
    [{ publicBaseUrl: 'ftp://example.net' }, 'publicBaseUrl'],
    [{ publicBaseUrl: 'https://example.net/?x=1' }, 'publicBaseUrl'],
  ])('refuses %j naming the field, saving nothing', async (patch, path) => {
    const result = await t.call('settings.update', { ...patch, currency: 'USD' } as never);
    expect(result).toMatchObject({ ok: false, error: { issues: [expect.objectContaining({ path })] } });
    expect((await t.ok('settings.get', {})).currency).toBe('EUR');
  });

  it('refuses a public address whose emailed links could not work, saying why, and keeps the one saved', async () => {
    await t.ok('settings.update', { publicBaseUrl: 'https://santa.example.net' });
    const path = 'The public address ends after the host name (like https://santa.example.net): without a path, ? or #, because every link adds its own.';
    const credentials = 'The public address cannot contain a user name or password: every emailed link would show them.';
    for (const [publicBaseUrl, message] of [
      // The site serves /auth/<token>, not /santa/auth/<token>: every link would be a 404.
      ['https://home.example.net/santa', path],
      ['https://home.example.net/santa/', path],
      ['https://home.example.net/#links', path],
      ['https://user:pw@home.example.net', credentials],
      ['https://user@home.example.net', credentials],
    ] as const) {
      const result = await t.call('settings.update', { publicBaseUrl });
      expect(result, publicBaseUrl).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'publicBaseUrl', message }] } });
    }
    expect((await t.ok('settings.get', {})).publicBaseUrl).toBe('https://santa.example.net');
    // Scheme, host and port are all a link needs.
    expect((await t.ok('settings.update', { publicBaseUrl: 'http://192.0.2.7:8080/' })).publicBaseUrl).toBe('http://192.0.2.7:8080');
  });

  it('tells the version, data folder and schema', async () => {
    const info = await t.ok('app.info', {});
    expect(info).toMatchObject({ name: 'Sneaky Klaus', dataDir: t.dir, schemaVersion: migrations.length });
  });
});
