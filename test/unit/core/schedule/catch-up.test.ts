import { describe, expect, it } from 'vitest';
import { countOccurrences, recurringJob } from '../../../../src-main/core/schedule';
import { recurringReplay, reminderReplay, runWhileUp } from './catch-up-sim';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Family 2026: 24 December 18:00 Berlin = 17:00Z; reminders 7, 3 and 1 day before at 17:00Z.
const exchange = { exchangeAt: at('2026-12-24T17:00:00Z'), timezone: 'Europe/Berlin', reminderDays: [7, 3, 1] };
const due = { 7: at('2026-12-17T17:00:00Z'), 3: at('2026-12-21T17:00:00Z'), 1: at('2026-12-23T17:00:00Z') };
const start = at('2026-11-01T00:00:00Z');
const end = at('2027-01-31T00:00:00Z');

/** The app is up from `from` to `to` except during [offFrom, offTo). */
function upExcept(offFrom: number, offTo: number, from = start, to = end): Array<[number, number]> {
  return [
    [from, offFrom - 1],
    [offTo, to],
  ];
}

function remindersWith(intervals: Array<[number, number]>) {
  const { log, wake } = reminderReplay(exchange);
  runWhileUp(intervals, HOUR, wake);
  return log;
}

describe('reminder catch-up', () => {
  it('sends every reminder on time when the app is always on', () => {
    const log = remindersWith([[start, end]]);
    expect(log.sent).toEqual([
      { daysBefore: 7, at: due[7] },
      { daysBefore: 3, at: due[3] },
      { daysBefore: 1, at: due[1] },
    ]);
    expect(log.skipped).toEqual([]);
  });

  it('off 2 hours over a reminder: sends it late at launch', () => {
    const launch = due[3] + 90 * 60_000;
    const log = remindersWith(upExcept(due[3] - 30 * 60_000, launch));
    expect(log.sent.map((entry) => [entry.daysBefore, entry.at])).toEqual([
      [7, due[7]],
      [3, launch],
      [1, due[1]],
    ]);
    expect(log.skipped).toEqual([]);
  });

  it('off 3 days over a reminder: sends it at launch, the next one on time', () => {
    const launch = due[3] + 36 * HOUR; // 12 hours before the 1-day reminder
    const log = remindersWith(upExcept(launch - 3 * DAY, launch));
    expect(log.sent.map((entry) => [entry.daysBefore, entry.at])).toEqual([
      [7, due[7]],
      [3, launch],
      [1, due[1]],
    ]);
    expect(log.skipped).toEqual([]);
  });

  it('off 10 days over two reminders: sends only the latest, before the exchange', () => {
    const launch = exchange.exchangeAt - 5 * HOUR;
    const log = remindersWith(upExcept(launch - 10 * DAY, launch));
    expect(log.sent).toEqual([{ daysBefore: 1, at: launch }]);
    expect(log.skipped).toEqual([
      { daysBefore: 7, at: launch },
      { daysBefore: 3, at: launch },
    ]);
  });

  it('off 10 days over two reminders and the exchange date: sends nothing late', () => {
    const launch = at('2026-12-30T09:00:00Z');
    const log = remindersWith(upExcept(launch - 10 * DAY, launch));
    expect(log.sent).toEqual([{ daysBefore: 7, at: due[7] }]);
    expect(log.skipped).toEqual([
      { daysBefore: 3, at: launch },
      { daysBefore: 1, at: launch },
    ]);
  });

  it('off 40 days over everything: every reminder is skipped, none sent', () => {
    const launch = at('2027-01-04T08:00:00Z');
    const log = remindersWith(upExcept(launch - 40 * DAY, launch));
    expect(log.sent).toEqual([]);
    expect(log.skipped.map((entry) => entry.daysBefore)).toEqual([7, 3, 1]);
    expect(log.skipped.every((entry) => entry.at === launch)).toBe(true);
  });
});

describe('recurring catch-up', () => {
  // A short window around each outage keeps the hourly simulation cheap.
  const margin = 2 * DAY;
  const cases = [
    { name: '2 hours', offFrom: at('2026-12-21T22:30:00Z'), hours: 2 },
    { name: '3 days', offFrom: at('2026-12-20T12:00:00Z'), hours: 3 * 24 },
    { name: '10 days', offFrom: at('2026-12-20T12:00:00Z'), hours: 10 * 24 },
    { name: '40 days', offFrom: at('2026-11-25T05:00:00Z'), hours: 40 * 24 },
  ];

  it.each(cases)('off $name: each job runs once at launch, standing for every missed occurrence', ({ offFrom, hours }) => {
    const launch = offFrom + hours * HOUR;
    const [createdAt, until] = [offFrom - margin, launch + margin];
    for (const job of ['token-cleanup', 'auto-complete'] as const) {
      const { pattern } = recurringJob(job);
      const { runs, wake } = recurringReplay(pattern, createdAt);
      runWhileUp(upExcept(offFrom, launch, createdAt, until), 6 * HOUR, wake);

      const atLaunch = runs.filter((run) => run.at === launch);
      const missedWhileOff = countOccurrences(pattern, offFrom - 1, launch, 10_000);
      expect(atLaunch.length).toBe(missedWhileOff > 0 ? 1 : 0);
      if (missedWhileOff > 0) expect(atLaunch[0]?.missed).toBe(missedWhileOff);
      // Every occurrence is accounted for exactly once, and no occurrence runs twice.
      expect(runs.reduce((sum, run) => sum + run.missed, 0)).toBe(countOccurrences(pattern, createdAt, until, 100_000));
      expect(new Set(runs.map((run) => run.scheduledFor)).size).toBe(runs.length);
      // While the app is up, each run happens exactly at its occurrence.
      expect(runs.filter((run) => run.at !== launch).every((run) => run.at === run.scheduledFor && run.missed === 1)).toBe(true);
    }
  });

  it('off 40 days: the hourly job coalesces 960 runs into one', () => {
    const offFrom = at('2026-11-25T05:30:00Z'); // last run 05:00; 06:00 … 05:00 forty days later are missed
    const launch = offFrom + 40 * DAY;
    const { runs, wake } = recurringReplay(recurringJob('token-cleanup').pattern, offFrom - margin);
    runWhileUp(upExcept(offFrom, launch, offFrom - margin, launch + HOUR), HOUR, wake);
    expect(runs.find((run) => run.at === launch)?.missed).toBe(960);
  });
});
