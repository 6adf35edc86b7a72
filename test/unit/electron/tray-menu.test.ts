import { describe, expect, it } from 'vitest';
import { jobLine, trayMenuModel, trayTooltip, workLine, type UpcomingJob } from '../../../src-main/electron/tray-menu';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = at('2026-12-10T09:00:00Z'); // 10:00 in Berlin
const base = { now, locale: 'en' as const, timezone: 'Europe/Berlin', paused: false };

const job = (over: Partial<UpcomingJob>): UpcomingJob => ({
  job: 'reminders',
  group: 'exchange',
  exchangeId: 1,
  exchangeName: 'Family 2026',
  dueAt: now + 3 * DAY,
  detail: '',
  ...over,
});
const labels = (items: { label: string; separator?: true }[]) => items.map((i) => (i.separator ? '---' : i.label));

describe('trayMenuModel', () => {
  it('with no jobs says so, and keeps the commands', () => {
    const items = trayMenuModel({ ...base, upcoming: [] });
    expect(labels(items)).toEqual(['Upcoming jobs', 'No upcoming jobs', '---', 'Open Sneaky Klaus', 'Run due jobs now', 'Pause sending', '---', 'Quit Sneaky Klaus']);
    expect(items.find((i) => i.label === 'No upcoming jobs')).toMatchObject({ enabled: false });
    expect(items.filter((i) => i.action).map((i) => i.action)).toEqual(['open', 'run-due', 'pause-sending', 'quit']);
  });

  it('leads with what waits for the organizer: undelivered emails and the outbox notices, each opening the app', () => {
    const notice = 'Family 2026: its data will be deleted on Sunday 3 January 2027 at 10:00 (Europe/Berlin). ' + 'x'.repeat(100);
    const items = trayMenuModel({ ...base, upcoming: [], failed: 2, notices: [notice] });
    expect(labels(items).slice(0, 5)).toEqual(['Needs your attention', '2 emails could not be delivered', `${notice.slice(0, 79).trimEnd()}…`, '---', 'Upcoming jobs']);
    expect(items.slice(1, 3).map((i) => i.action)).toEqual(['open', 'open']);
    expect(labels(trayMenuModel({ ...base, upcoming: [], failed: 0, notices: [] }))[0]).toBe('Upcoming jobs');
  });

  it('says when the jobs could not be read, rather than "none"', () => {
    expect(labels(trayMenuModel({ ...base, upcoming: null }))[1]).toBe('Upcoming jobs are not available right now');
  });

  it('names one job in human terms', () => {
    const items = trayMenuModel({ ...base, upcoming: [job({})] });
    expect(items[1]).toEqual({ label: 'Reminder · Family 2026 · in 3 days', enabled: true, action: 'open' });
  });

  it("lists the exchanges' jobs soonest first, then maintenance under its heading, at most five, and points to the Jobs screen for the rest", () => {
    const upcoming = [
      job({ job: 'data-purge', exchangeName: 'Old', dueAt: now + 6 * DAY }),
      job({ job: 'token-cleanup', group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: now + 20 * MIN }),
      job({ job: 'auto-complete', exchangeName: 'Office', dueAt: at('2026-12-11T12:00:00Z') }),
      job({ dueAt: now + 3 * DAY }),
      job({ job: 'registration-close', exchangeName: 'Club', dueAt: now + 2 * HOUR }),
      job({ job: 'session-cleanup', group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: now + 5 * DAY }),
    ];
    expect(labels(trayMenuModel({ ...base, upcoming })).slice(1, 8)).toEqual([
      'Registration closes · Club · in 2 hours',
      'Exchange day · Office · tomorrow',
      'Reminder · Family 2026 · in 3 days',
      'Data deleted · Old · in 6 days',
      'Maintenance',
      'Token cleanup · in 20 minutes',
      'More in the Jobs screen…',
    ]);
  });

  it('shows a reminder due tomorrow first even when five cleanup jobs are due sooner (issue 17)', () => {
    const cleanups = (['token-cleanup', 'session-cleanup', 'rate-limit-cleanup', 'auto-complete', 'data-purge'] as const).map((name, i) =>
      job({ job: name, group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: now + (i + 1) * 10 * MIN }),
    );
    const upcoming = [...cleanups, job({ dueAt: now + DAY })];
    const items = trayMenuModel({ ...base, upcoming });
    const lines = items.filter((item) => item.action === 'open' && item.label !== 'Open Sneaky Klaus' && item.label !== 'More in the Jobs screen…');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.label).toBe('Reminder · Family 2026 · tomorrow');
    expect(labels(items)[2]).toBe('Maintenance');
    expect(trayTooltip({ ...base, upcoming })).toBe('Sneaky Klaus — next: Reminder · Family 2026 · tomorrow');
  });

  it('shows past-due jobs as due now (they run at the next wake), and "now" within a minute', () => {
    const items = trayMenuModel({
      ...base,
      upcoming: [job({ dueAt: now - 5 * MIN }), job({ job: 'token-cleanup', group: 'maintenance', exchangeName: null, dueAt: now + 20_000 })],
    });
    expect(labels(items).slice(1, 4)).toEqual(['Reminder · Family 2026 · due now', 'Maintenance', 'Token cleanup · now']);
  });

  it('counts "tomorrow" across midnight in the computer’s zone', () => {
    const lateEvening = at('2026-12-10T21:30:00Z'); // 22:30 Berlin, 06:30 next day in Tokyo, 16:30 New York
    const due = at('2026-12-11T10:30:00Z'); // 13 hours later: 11:30 Berlin, 19:30 Tokyo, 05:30 New York
    const line = (timezone: string) => trayMenuModel({ ...base, now: lateEvening, timezone, upcoming: [job({ dueAt: due })] })[1]?.label;
    expect(line('Europe/Berlin')).toBe('Reminder · Family 2026 · tomorrow');
    expect(line('America/New_York')).toBe('Reminder · Family 2026 · tomorrow');
    expect(line('Asia/Tokyo')).toBe('Reminder · Family 2026 · in 13 hours');
    // Just before midnight, a job just after it is a few minutes away, not "tomorrow".
    expect(jobLine(job({ dueAt: at('2026-12-10T23:10:00Z') }), at('2026-12-10T22:50:00Z'), 'en', 'Europe/Berlin')).toBe('Reminder · Family 2026 · in 20 minutes');
  });

  it('offers Resume sending when paused', () => {
    const items = trayMenuModel({ ...base, paused: true, upcoming: [] });
    expect(items.find((i) => i.action === 'resume-sending')?.label).toBe('Resume sending');
    expect(items.some((i) => i.action === 'pause-sending')).toBe(false);
  });

  it('adds the switches as check boxes before Quit', () => {
    const items = trayMenuModel({ ...base, upcoming: [], toggles: [{ key: 'notifyDraws', checked: false }] });
    expect(items.at(-3)).toEqual({ label: 'Notify me when names are drawn', enabled: true, checked: false, action: 'toggle:notifyDraws' });
    expect(items.at(-1)?.action).toBe('quit');
  });

  it('shortens long exchange names', () => {
    const label = trayMenuModel({ ...base, upcoming: [job({ exchangeName: 'A'.repeat(100) })] })[1]?.label ?? '';
    expect(label).toMatch(/^Reminder · A+… · in 3 days$/);
    expect(label.length).toBeLessThan(70);
  });
});

describe('trayTooltip', () => {
  it('shows the next job and whether sending is paused', () => {
    expect(trayTooltip({ ...base, upcoming: [job({ dueAt: now + 4 * DAY }), job({ job: 'auto-complete', exchangeName: 'Office', dueAt: now + 3 * DAY })] })).toBe(
      'Sneaky Klaus — next: Exchange day · Office · in 3 days',
    );
    expect(trayTooltip({ ...base, paused: true, upcoming: [] })).toBe('Sneaky Klaus — no upcoming jobs — sending paused');
    expect(trayTooltip({ ...base, failed: 1, upcoming: [] })).toBe('Sneaky Klaus — no upcoming jobs — 1 email could not be delivered');
    expect(trayTooltip({ ...base, upcoming: [job({ exchangeName: 'B'.repeat(300) })] }).length).toBeLessThanOrEqual(127);
  });
});

describe('in the organizer’s language', () => {
  const es = { ...base, locale: 'es' as const };

  it('words the menu, its relative times and the switches in Spanish', () => {
    const items = trayMenuModel({ ...es, failed: 2, upcoming: [job({ dueAt: now + DAY })], toggles: [{ key: 'openAtLogin', checked: true }] });
    expect(labels(items)).toEqual([
      'Necesita tu atención',
      'No se han podido entregar 2 correos',
      '---',
      'Próximas tareas',
      'Recordatorio · Family 2026 · mañana',
      '---',
      'Abrir Sneaky Klaus',
      'Ejecutar ya las tareas pendientes',
      'Pausar el envío',
      '---',
      'Abrir al iniciar sesión',
      '---',
      'Salir de Sneaky Klaus',
    ]);
    expect(trayMenuModel({ ...es, paused: true, upcoming: null }).map((i) => i.label)).toContain('Reanudar el envío');
    expect(labels(trayMenuModel({ ...es, upcoming: [job({ dueAt: now - 5 * MIN })] }))[1]).toBe('Recordatorio · Family 2026 · pendiente ya');
  });

  it('words the tooltip and the running work in Spanish, numbers grouped the Spanish way', () => {
    expect(trayTooltip({ ...es, paused: true, upcoming: [job({ dueAt: now + 3 * DAY })] })).toBe(
      'Sneaky Klaus — lo siguiente: Recordatorio · Family 2026 · dentro de 3 días — envío en pausa',
    );
    expect(trayTooltip({ ...es, upcoming: [], failed: 1 })).toBe('Sneaky Klaus — no hay tareas próximas — No se ha podido entregar 1 correo');
    const importing = { id: 'import-1', kind: 'import' as const, exchangeId: 1, done: 4200, total: 10_000, finished: false };
    expect(trayTooltip({ ...es, upcoming: [], working: [importing] })).toBe('Sneaky Klaus — importando 10.000 personas: 4200 añadidas');
  });
});

describe('workLine', () => {
  const work = (kind: 'draw' | 'import' | 'match-mail' | 'catch-up', done: number, total: number) => ({ id: `${kind}-1`, kind, exchangeId: 1, done, total, finished: false });

  it('says what runs and how far it got, with thousands grouped', () => {
    expect(workLine(work('import', 0, 10_000))).toBe('importing 10,000 people: checking the rows');
    expect(workLine(work('import', 4200, 10_000))).toBe('importing 10,000 people: 4,200 added');
    expect(workLine(work('draw', 0, 0))).toBe('drawing names…');
    expect(workLine(work('draw', 2500, 10_000))).toBe('drawing names: 2,500 of 10,000 pairs written');
    expect(workLine(work('match-mail', 300, 10_000))).toBe('queueing match emails: 300 of 10,000');
    expect(workLine(work('catch-up', 3, 20))).toBe('running due jobs…');
  });
});
