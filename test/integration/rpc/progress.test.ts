import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, WorkProgress } from '../../../src-main/contract/events';
import { PROGRESS_EVENTS_PER_SECOND } from '../../../src-main/services/common/progress';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * Long operations tell the screens and the tray how far they got (`work.progress`). The app's
 * clock is the manual one: a loop on the event loop moves it 50 ms per turn while the operation
 * runs in its slices, as real time would.
 */
let t: TestApp;
let seen: Array<{ progress: WorkProgress; at: number }>;
let other: AppEvent[];
let stopClock: () => void;

beforeEach(async () => {
  t = await createTestApp();
  seen = [];
  other = [];
  t.deps.events.subscribe((event) => {
    if (event.type === 'work.progress') seen.push({ progress: event.progress, at: t.clock.now() });
    else other.push(event);
  });
  let running = true;
  const tick = () => {
    if (!running) return;
    t.clock.advance(50);
    setImmediate(tick);
  };
  setImmediate(tick);
  stopClock = () => (running = false);
});
afterEach(() => {
  stopClock();
  t.close();
});

const csv = (n: number) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');

/** The events of one run, checked for what every run must look like; returns them. */
function oneRun(kind: WorkProgress['kind']): Array<{ progress: WorkProgress; at: number }> {
  const ids = new Set(seen.filter((e) => e.progress.kind === kind).map((e) => e.progress.id));
  expect(ids.size).toBe(1);
  const run = seen.filter((e) => e.progress.kind === kind);
  const last = run.at(-1)!.progress;
  expect(last.finished).toBe(true);
  expect(run.filter((e) => e.progress.finished)).toHaveLength(1);
  // Never backwards, and never more often than the screens are promised (the last one aside).
  for (let i = 1; i < run.length; i++) expect(run[i]!.progress.done).toBeGreaterThanOrEqual(run[i - 1]!.progress.done);
  for (let i = 1; i < run.length - 1; i++) expect(run[i]!.at - run[i - 1]!.at).toBeGreaterThanOrEqual(1000 / PROGRESS_EVENTS_PER_SECOND);
  return run;
}

describe('progress of long operations', () => {
  it('a 2,000-row import says how many rows there are, then how many were added, and when it ended', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    const result = await t.ok('participants.import', { exchangeId: id, csv: csv(2000), dryRun: false });
    expect(result.added).toBe(2000);

    const run = oneRun('import');
    expect(run[0]!.progress).toMatchObject({ kind: 'import', exchangeId: id, done: 0, finished: false });
    expect(run.some((e) => e.progress.total === 2000 && e.progress.done > 0 && e.progress.done < 2000)).toBe(true);
    expect(run.at(-1)!.progress).toMatchObject({ done: 2000, total: 2000 });
    expect(other).toContainEqual({ type: 'participants.changed', exchangeId: id });
  });

  it('a preview of the same file sends none', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('participants.import', { exchangeId: id, csv: csv(500), dryRun: true });
    expect(seen).toEqual([]);
  });

  it('a draw of 2,000 reports the pairs written, then the match emails queued', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    await t.ok('participants.import', { exchangeId: id, csv: csv(2000), dryRun: false });
    await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
    seen = [];
    const drawn = await t.ok('exchanges.draw', { exchangeId: id });
    expect(drawn.emailsQueued).toBe(2000);

    const draw = oneRun('draw');
    expect(draw.some((e) => e.progress.total === 2000 && e.progress.done > 0 && e.progress.done < 2000)).toBe(true);
    const mail = oneRun('match-mail');
    expect(mail[0]!.progress.total).toBe(2000);
    expect(mail.at(-1)!.progress.done).toBe(2000);
    // The emails are queued after the draw's own run ended.
    expect(seen.findIndex((e) => e.progress.kind === 'match-mail')).toBeGreaterThan(seen.findIndex((e) => e.progress.kind === 'draw' && e.progress.finished));
  });

  it('a draw that cannot be made still ends its run', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    const result = await t.call('exchanges.draw', { exchangeId: id });
    expect(result.ok).toBe(false);
    expect(seen.at(-1)?.progress).toMatchObject({ kind: 'draw', finished: true });
  });
});
