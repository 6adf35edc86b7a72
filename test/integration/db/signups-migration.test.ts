import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';
import { createTestApp } from '../../support/test-app';

/** Migration 0006: who signed up themselves, and whether the organizer was told. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-signups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0006', () => {
  it('marks earlier sign-ups (they had a welcome or a notice) as registered and already told; people added by hand stay unregistered', async () => {
    const sqlite = openSqlite(join(dir, 'sneaky-klaus.sqlite3'));
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, 5) });
    sqlite.exec(`insert into exchanges (name, exchange_at, timezone, invite_code, state, avoid_past_exchanges, history_key, created_at, updated_at)
                 values ('Old', ${Date.parse('2030-12-24T17:00:00Z')}, 'Europe/Berlin', 'code-old', 'registration_open', 0, 'k', 1, 1)`);
    const person = sqlite.prepare(
      'insert into participants (exchange_id, name, email, gift_ideas, reminders_enabled, is_organizer, created_at, updated_at) values (1, ?, ?, ?, 1, 0, ?, ?)',
    );
    person.run('Signed Up', 'signed@example.com', '', 100, 100);
    person.run('By Hand', 'hand@example.com', '', 200, 200);
    person.run('Told Only', 'told@example.com', '', 300, 300);
    const mail = sqlite.prepare(
      "insert into email_outbox (idempotency_key, message_id, exchange_id, participant_id, kind, to_address, subject, text_body, html_body, attachments, status, attempts, next_attempt_at, created_at) values (?, ?, 1, ?, ?, ?, '', '', '', '[]', 'sent', 1, 0, 0)",
    );
    mail.run('w1', '<w1@x>', 1, 'welcome', 'signed@example.com');
    mail.run('n3', '<n3@x>', 3, 'organizer-new-registration', 'olga@example.com');
    sqlite.close();

    const t = await createTestApp({ dir });
    expect(t.deps.db.sqlite.prepare('select name, registered_at, signup_reported_at from participants order by id').all()).toEqual([
      { name: 'Signed Up', registered_at: 100, signup_reported_at: 100 },
      { name: 'By Hand', registered_at: null, signup_reported_at: null },
      { name: 'Told Only', registered_at: 300, signup_reported_at: 300 },
    ]);
    // Nothing from before the migration is reported again in a digest.
    expect((await t.ok('jobs.runNow', { job: 'signup-digest' })).runs.map((r) => r.counts)).toEqual([{ signups: 0, digests: 0 }]);
    expect((await t.ok('participants.list', { exchangeId: 1 })).map((p) => [p.name, p.invitation])).toEqual([
      ['By Hand', 'none'],
      ['Signed Up', 'registered'],
      ['Told Only', 'registered'],
    ]);
    t.close();
  });
});
