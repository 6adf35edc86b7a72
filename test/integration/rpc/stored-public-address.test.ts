import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log';
import { participantBaseUrl } from '../../../src-main/services/network/links';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * A public address stored before the settings form refused it (a path, a user name and password,
 * no scheme at all) is never put in a link: the app reads it as no public address, uses the LAN
 * address, starts its listener, and says once in the log which setting it ignored.
 */
let t: TestApp | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** A folder whose settings row holds `value` as the public address, as an older version could have saved it. */
async function folderWithStoredAddress(value: string): Promise<string> {
  const first = await createTestApp();
  const dir = first.dir;
  first.deps.db.sqlite.prepare("insert or replace into settings (key, value, updated_at) values ('publicBaseUrl', ?, 0)").run(JSON.stringify(value));
  first.app.close();
  return dir;
}

describe('a public address stored before its rules existed', () => {
  it.each(['https://olga:secret@santa.example.net', 'https://santa.example.net/santa', 'santa.example.net'])(
    '%s: read as none, never in a link, the listener starts',
    async (stored) => {
      const warnings: Array<{ message: string; fields: unknown }> = [];
      t = await createTestApp({ dir: await folderWithStoredAddress(stored), log: { ...silentLogger, warn: (message, fields) => warnings.push({ message, fields }) } });
      expect((await t.ok('settings.get', {})).publicBaseUrl).toBeNull();
      await t.app.start({ participant: { host: '127.0.0.1', port: 0 } });
      const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput());
      await t.ok('exchanges.transition', { exchangeId, action: 'open' });
      const { url } = await t.ok('exchanges.inviteLink', { exchangeId });
      expect(url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/i\//);
      expect(participantBaseUrl(t.deps)).not.toContain('santa.example.net');
      expect(warnings).toContainEqual({ message: 'ignoring unreadable setting', fields: { key: 'publicBaseUrl' } });

      // The organizer can set a good one again.
      expect((await t.ok('settings.update', { publicBaseUrl: 'https://santa.example.net' })).publicBaseUrl).toBe('https://santa.example.net');
      expect((await t.ok('exchanges.inviteLink', { exchangeId })).url).toMatch(/^https:\/\/santa\.example\.net\/i\//);
    },
  );
});
