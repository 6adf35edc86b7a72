import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../src-main/core/schedule';
import { createBackup, listBackups, pruneBackups } from '../../../src-main/services/organizer/backups';
import { createSession, resumeSession, sessionCap } from '../../../src-main/services/portal/sessions';
import { getParticipant } from '../../../src-main/db/repos/participants';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ start: '2026-11-01T09:00:00Z' });
});
afterEach(() => t.close());

describe('backup retention', () => {
  it('keeps the 7 newest daily backups, and nothing older than the retention promise allows', async () => {
    const start = t.clock.now();
    const manualOld = await createBackup(t.deps, 'manual');
    for (let day = 1; day <= 10; day++) {
      t.clock.set(start + day * DAY_MS);
      await createBackup(t.deps, 'daily');
    }
    t.clock.set(start + 30 * DAY_MS);
    const manualRecent = await createBackup(t.deps, 'manual');

    expect(pruneBackups(t.deps, t.clock.now(), 30)).toEqual({ deleted: 3 });
    let left = listBackups(t.deps);
    expect(left.filter((b) => b.reason === 'daily').map((b) => (b.createdAt - start) / DAY_MS)).toEqual([10, 9, 8, 7, 6, 5, 4]);
    expect(left.map((b) => b.name)).toContain(manualOld.name);

    // 30 + 7 days after the old manual backup it may hold purged people: it goes, the recent one stays.
    t.clock.set(start + 37 * DAY_MS + 1);
    pruneBackups(t.deps, t.clock.now(), 30);
    left = listBackups(t.deps);
    expect(left.map((b) => b.name)).not.toContain(manualOld.name);
    expect(left.map((b) => b.name)).toContain(manualRecent.name);
    expect(left.every((b) => b.createdAt >= t.clock.now() - 37 * DAY_MS)).toBe(true);
  });
});

describe('participant sessions', () => {
  async function participant() {
    const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput({ exchangeAt: '2026-12-24T18:00', timezone: 'UTC', registrationDeadline: null }));
    const p = await t.ok('participants.add', { exchangeId, name: 'Ann', email: 'ann@example.test' });
    return getParticipant(t.deps.db, p.id);
  }

  it('expires after 30 days without a visit', async () => {
    const ann = await participant();
    const visited = createSession(t.deps, ann);
    const untouched = createSession(t.deps, ann);
    t.clock.advance(30 * DAY_MS - 1);
    expect(resumeSession(t.deps, visited)?.id).toBe(ann.id);
    t.clock.advance(1);
    expect(resumeSession(t.deps, untouched)).toBeNull();
    expect(resumeSession(t.deps, visited)?.id).toBe(ann.id); // its visit a moment ago slid it
  });

  it('slides with visits, but never past the exchange’s data deletion', async () => {
    const ann = await participant();
    const cap = sessionCap(t.deps, ann);
    expect(cap).toBe(Date.parse('2026-12-24T18:00:00Z') + 30 * DAY_MS);
    const cookie = createSession(t.deps, ann);
    // A visit every 20 days keeps it alive well past 30 days from the sign-in…
    while (t.clock.now() + 20 * DAY_MS < cap) {
      t.clock.advance(20 * DAY_MS);
      expect(resumeSession(t.deps, cookie)?.id).toBe(ann.id);
    }
    // …up to the cap and not a moment after, however recent the last visit.
    t.clock.set(cap - HOUR_MS);
    expect(resumeSession(t.deps, cookie)?.id).toBe(ann.id);
    t.clock.set(cap);
    expect(resumeSession(t.deps, cookie)).toBeNull();
  });

  it('refuses an unknown or absurd cookie', () => {
    expect(resumeSession(t.deps, 'not-a-session')).toBeNull();
    expect(resumeSession(t.deps, 'x'.repeat(500))).toBeNull();
    expect(resumeSession(t.deps, undefined)).toBeNull();
  });
});
