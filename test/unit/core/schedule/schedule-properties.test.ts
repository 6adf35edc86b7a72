import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  RECURRING_JOBS,
  countOccurrences,
  normalizeReminderDays,
  planRecurring,
  purgeDueAt,
  purgePlan,
  purgeWarningDueAt,
  reminderDueAt,
} from '../../../../src-main/core/schedule';
import { recurringReplay, reminderReplay } from './catch-up-sim';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zones = fc.constantFrom(
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kolkata',
  'America/Sao_Paulo',
);
const instant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2032-12-31T00:00:00Z') });
const sortedOffsets = (min: number, max: number, maxLength: number) => fc.array(fc.integer({ min, max }), { maxLength }).map((offsets) => [...offsets].sort((a, b) => a - b));

describe('reminder planning under arbitrary wake-ups', () => {
  it('handles each day once, sends at most one per wake, never at or after the exchange', () => {
    const exchange = fc.record({
      exchangeAt: instant,
      timezone: zones,
      reminderDays: fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(exchange, sortedOffsets(-35 * DAY, 5 * DAY, 30), (input, offsets) => {
        const wakes = offsets.map((offset) => input.exchangeAt + offset);
        const { log, wake } = reminderReplay(input);
        wakes.forEach(wake);
        const dueAt = (day: number) => reminderDueAt(input.exchangeAt, input.timezone, day);
        const valid = normalizeReminderDays(input.reminderDays);
        const handled = [...log.sent, ...log.skipped].map((entry) => entry.daysBefore);

        expect(new Set(handled).size).toBe(handled.length);
        expect(handled.every((day) => valid.includes(day))).toBe(true);
        expect(new Set(log.sent.map((entry) => entry.at)).size).toBe(log.sent.length);
        for (const { daysBefore, at: sentAt } of log.sent) {
          expect(sentAt).toBeLessThan(input.exchangeAt);
          expect(sentAt).toBeGreaterThanOrEqual(dueAt(daysBefore));
        }
        for (const { daysBefore, at: skippedAt } of log.skipped) {
          expect(skippedAt).toBeGreaterThanOrEqual(dueAt(daysBefore));
          // Skipped only because a later reminder went out instead, or the exchange had passed.
          const supersededBy = log.sent.find((entry) => entry.at === skippedAt && dueAt(entry.daysBefore) >= dueAt(daysBefore));
          expect(supersededBy !== undefined || skippedAt >= input.exchangeAt).toBe(true);
        }
        const lastWake = wakes.at(-1);
        if (lastWake !== undefined) {
          const owed = valid.filter((day) => dueAt(day) <= lastWake);
          expect([...handled].sort()).toEqual([...owed].sort());
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('recurring planning under arbitrary wake-ups', () => {
  it('never runs an occurrence twice and accounts for every occurrence once', () => {
    const pattern = fc.constantFrom(...RECURRING_JOBS.map((entry) => entry.pattern));
    const record = fc.constantFrom('now' as const, 'scheduledFor' as const);
    fc.assert(
      fc.property(pattern, instant, record, sortedOffsets(0, 20 * DAY, 30), (cron, createdAt, mode, offsets) => {
        const wakes = offsets.map((offset) => createdAt + offset);
        const { runs, wake } = recurringReplay(cron, createdAt, mode);
        for (const now of wakes) expect(wake(now)).toBeGreaterThan(now);

        let covered = createdAt;
        for (const run of runs) {
          expect(run.scheduledFor).toBeGreaterThan(covered);
          expect(run.scheduledFor).toBeLessThanOrEqual(run.at);
          expect(run.missed).toBeGreaterThanOrEqual(1);
          covered = run.scheduledFor;
        }
        const lastWake = wakes.at(-1) ?? createdAt;
        const total = runs.reduce((sum, run) => sum + run.missed, 0);
        expect(total).toBe(countOccurrences(cron, createdAt, lastWake, 100_000));
        const lastRun = runs.at(-1);
        if (lastRun !== undefined) {
          const lastRunAt = mode === 'now' ? lastRun.at : lastRun.scheduledFor;
          expect(planRecurring({ pattern: cron, lastRunAt, createdAt }, lastRun.at).due).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('purge planning under arbitrary wake-ups', () => {
  it('warns once, purges only 7 days after the warning, and never before purgeDueAt', () => {
    const state = fc.record({ completedAt: instant, retentionDays: fc.integer({ min: 0, max: 60 }) });
    fc.assert(
      fc.property(state, sortedOffsets(0, 120 * DAY, 40), ({ completedAt, retentionDays }, offsets) => {
        let warningSentAt: number | null = null;
        let purgedAt: number | null = null;
        let earliest = -Infinity;
        const warnings: number[] = [];
        for (const now of offsets.map((offset) => completedAt + offset)) {
          const current = { completedAt, retentionDays, warningSentAt };
          earliest = Math.max(earliest, purgeDueAt(current, now));
          const decision = purgePlan(current, now);
          if (decision === 'warn') {
            expect(now).toBeGreaterThanOrEqual(purgeWarningDueAt(current));
            warnings.push(now);
            warningSentAt = now;
          } else if (decision === 'purge') {
            purgedAt = now;
            break;
          }
        }
        expect(warnings.length).toBeLessThanOrEqual(1);
        if (purgedAt !== null) {
          expect(warningSentAt).not.toBeNull();
          expect(purgedAt - (warningSentAt ?? Infinity)).toBeGreaterThanOrEqual(7 * DAY);
          expect(purgedAt).toBeGreaterThanOrEqual(completedAt + retentionDays * DAY);
          expect(purgedAt).toBeGreaterThanOrEqual(earliest);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Independent statement of the rule: same wall time N days earlier; gap → old offset; overlap → earlier. */
function expectedDueAt(exchangeAt: number, zone: string, days: number): number {
  const wall = DateTime.fromMillis(exchangeAt, { zone }).setZone('UTC', { keepLocalTime: true }).minus({ days });
  const w = wall.toMillis();
  const offsets = [...new Set([w - DAY, w + DAY].map((t) => DateTime.fromMillis(t, { zone }).offset))];
  const valid = offsets.map((o) => w - o * 60_000).filter((t) => DateTime.fromMillis(t, { zone }).offset * 60_000 === w - t);
  return valid.length > 0 ? Math.min(...valid) : w - Math.min(...offsets) * 60_000;
}

describe('reminderDueAt', () => {
  it('is the same local wall time N calendar days earlier, with the documented gap and overlap rules', () => {
    fc.assert(
      fc.property(instant, zones, fc.integer({ min: 1, max: 400 }), (exchangeAt, zone, days) => {
        const due = reminderDueAt(exchangeAt, zone, days);
        expect(due).toBeLessThan(exchangeAt);
        expect(due).toBe(expectedDueAt(exchangeAt, zone, days));
      }),
      { numRuns: 300 },
    );
  });

  it('resolves wall times inside every Berlin gap and overlap of 2026–2027', () => {
    const changes = [
      { wallTime: '2026-03-29T02:30', local: '2026-03-29T03:30:00.000+02:00' }, // gap: pushed forward
      { wallTime: '2026-10-25T02:30', local: '2026-10-25T02:30:00.000+02:00' }, // overlap: the first one
      { wallTime: '2027-03-28T02:30', local: '2027-03-28T03:30:00.000+02:00' },
      { wallTime: '2027-10-31T02:30', local: '2027-10-31T02:30:00.000+02:00' },
    ];
    for (const { wallTime, local } of changes) {
      for (const days of [1, 3, 7, 60]) {
        const exchangeWall = DateTime.fromISO(wallTime, { zone: 'UTC' }).plus({ days }).toISO({ includeOffset: false });
        const exchangeAt = DateTime.fromISO(exchangeWall ?? '', { zone: 'Europe/Berlin' }).toMillis();
        const due = reminderDueAt(exchangeAt, 'Europe/Berlin', days);
        expect(due).toBe(expectedDueAt(exchangeAt, 'Europe/Berlin', days));
        expect(DateTime.fromMillis(due, { zone: 'Europe/Berlin' }).toISO()).toBe(local);
      }
    }
  });
});
