import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src-main/contract/envelope';
import { DesktopPreferencesSchema, type PreferencesStore } from '../../../src-main/electron/preferences';
import { createTrayIcon, loadTrayState, runTrayAction, startTrayController, toMenuTemplate } from '../../../src-main/electron/tray';
import type { TrayItem } from '../../../src-main/electron/tray-menu';
import { silentLogger } from '../../../src-main/log';
import type { Locale } from '../../../src-main/i18n';

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
  Tray: vi.fn(function (this: { image: unknown; on: unknown }, image: unknown) {
    this.image = image;
    this.on = vi.fn();
  }),
  nativeImage: { createFromPath: vi.fn(() => ({ setTemplateImage: vi.fn() })) },
}));
const electron = await import('electron');

const now = Date.parse('2026-12-10T09:00:00Z');
const ok = (value: unknown): Result<unknown> => ({ ok: true, value });

afterEach(() => vi.useRealTimers());

describe('toMenuTemplate', () => {
  const items: TrayItem[] = [
    { label: 'Reminder · Smith & Jones · tomorrow', enabled: true, action: 'open' },
    { label: '', enabled: false, separator: true },
    { label: 'Notify me when names are drawn', enabled: true, checked: true, action: 'toggle:notifyDraws' },
    { label: 'Upcoming jobs', enabled: false },
  ];

  it('maps plain items to Electron items and clicks to actions', () => {
    const onAction = vi.fn();
    const template = toMenuTemplate(items, onAction, 'darwin');
    expect(template[0]).toMatchObject({ label: 'Reminder · Smith & Jones · tomorrow', enabled: true });
    expect(template[1]).toEqual({ type: 'separator' });
    expect(template[2]).toMatchObject({ type: 'checkbox', checked: true });
    expect(template[3]).toEqual({ label: 'Upcoming jobs', enabled: false });
    (template[2]?.click as () => void)();
    expect(onAction).toHaveBeenCalledWith('toggle:notifyDraws');
  });

  it('doubles & on Windows and Linux so it is not read as a mnemonic', () => {
    expect(toMenuTemplate(items, vi.fn(), 'win32')[0]?.label).toBe('Reminder · Smith && Jones · tomorrow');
    expect(toMenuTemplate(items, vi.fn(), 'linux')[0]?.label).toBe('Reminder · Smith && Jones · tomorrow');
  });

  it('goes through Menu.buildFromTemplate', () => {
    const menu = electron.Menu.buildFromTemplate(toMenuTemplate(items, vi.fn(), 'linux'));
    expect(menu).toMatchObject({ template: expect.any(Array) });
  });
});

describe('createTrayIcon', () => {
  it('uses a template image on macOS and opens on a left click on Windows', () => {
    const onClick = vi.fn();
    const mac = createTrayIcon(electron, '/r/icons/trayTemplate.png', 'darwin', onClick) as unknown as {
      image: { setTemplateImage: ReturnType<typeof vi.fn> };
      on: ReturnType<typeof vi.fn>;
    };
    expect(mac.image.setTemplateImage).toHaveBeenCalledWith(true);
    expect(mac.on).not.toHaveBeenCalled();
    const win = createTrayIcon(electron, '/r/icons/tray.png', 'win32', onClick) as unknown as {
      image: { setTemplateImage: ReturnType<typeof vi.fn> };
      on: ReturnType<typeof vi.fn>;
    };
    expect(win.image.setTemplateImage).not.toHaveBeenCalled();
    expect(win.on).toHaveBeenCalledWith('click', onClick);
  });
});

describe('loadTrayState', () => {
  it('reads upcoming jobs, the paused state, failed emails and notices through the operations', async () => {
    const upcoming = [{ job: 'token-cleanup', group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: now, detail: '' }];
    const status = { paused: true, counts: { failed: 3 }, notices: [{ kind: 'links-moved', message: 'Links sent before 10:00 point to an address that is gone.' }] };
    const settings = { language: 'de', locale: 'de', systemLocale: 'en' };
    const call = vi.fn(async (name: string) => (name === 'jobs.upcoming' ? ok(upcoming) : name === 'settings.get' ? ok(settings) : ok(status)));
    await expect(loadTrayState(call)).resolves.toEqual({
      locale: 'de',
      upcoming,
      paused: true,
      failed: 3,
      notices: ['Links sent before 10:00 point to an address that is gone.'],
    });
    expect(call).toHaveBeenCalledWith('settings.get', {});
    expect(call).toHaveBeenCalledWith('jobs.upcoming', { limit: 6 });
    expect(call).toHaveBeenCalledWith('outbox.status', {});
  });

  it('gives null upcoming jobs when they cannot be read', async () => {
    const call = async (): Promise<Result<unknown>> => ({ ok: false, error: { code: 'internal', message: 'x' } });
    await expect(loadTrayState(call)).resolves.toEqual({ locale: 'en', upcoming: null, paused: false, notices: [], failed: 0 });
  });
});

describe('runTrayAction', () => {
  const context = () => {
    let prefs = DesktopPreferencesSchema.parse({});
    const preferences: PreferencesStore = { get: () => prefs, update: (patch) => (prefs = { ...prefs, ...patch }) };
    return { show: vi.fn(), quit: vi.fn(), call: vi.fn(async () => ok({})), preferences, applyOpenAtLogin: vi.fn(), log: silentLogger };
  };

  it('runs due jobs, pauses and resumes sending through the operations', async () => {
    const c = context();
    await runTrayAction('run-due', c);
    await runTrayAction('pause-sending', c);
    await runTrayAction('resume-sending', c);
    expect(c.call.mock.calls).toEqual([
      ['jobs.runDue', {}],
      ['outbox.pause', { paused: true }],
      ['outbox.pause', { paused: false }],
    ]);
  });

  it('opens, quits, and flips switches (open at login reaches the OS)', async () => {
    const c = context();
    await runTrayAction('open', c);
    await runTrayAction('quit', c);
    expect(c.show).toHaveBeenCalled();
    expect(c.quit).toHaveBeenCalled();
    await runTrayAction('toggle:notifyFailures', c);
    expect(c.preferences.get().notifyFailures).toBe(false);
    await runTrayAction('toggle:openAtLogin', c);
    expect(c.applyOpenAtLogin).toHaveBeenCalledWith(true);
  });
});

describe('startTrayController', () => {
  const setup = () => {
    vi.useFakeTimers();
    let listener: ((e: { type: string }) => void) | undefined;
    const tray = { setContextMenu: vi.fn(), setToolTip: vi.fn(), destroy: vi.fn() };
    const language: { locale: Locale } = { locale: 'en' };
    const load = vi.fn(async () => ({
      locale: language.locale,
      upcoming: [{ job: 'reminders' as const, group: 'exchange' as const, exchangeId: 1, exchangeName: 'Family 2026', dueAt: now + 3 * 86_400_000, detail: '' }],
      paused: false,
      notices: [],
      failed: 0,
    }));
    const onAction = vi.fn();
    const controller = startTrayController({
      tray: tray as never,
      buildMenu: (template) => ({ template }) as never,
      load,
      now: () => now,
      timezone: 'Europe/Berlin',
      platform: 'linux',
      toggles: () => [],
      onAction,
      subscribe: (fn) => ((listener = fn), () => (listener = undefined)),
      log: silentLogger,
    });
    return { controller, tray, load, language, onAction, emit: (type: string) => listener?.({ type }), send: (event: { type: string; progress: unknown }) => listener?.(event) };
  };

  it('renders at once: menu and tooltip', async () => {
    const { tray } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(tray.setToolTip).toHaveBeenCalledWith('Sneaky Klaus — next: Reminder · Family 2026 · in 3 days');
    const menu = tray.setContextMenu.mock.calls[0]?.[0] as { template: { label?: string }[] };
    expect(menu.template[1]?.label).toBe('Reminder · Family 2026 · in 3 days');
  });

  it('speaks the organizer’s language and rebuilds the menu when the settings change it', async () => {
    const { tray, language, emit } = setup();
    await vi.advanceTimersByTimeAsync(0);
    language.locale = 'es';
    emit('settings.changed');
    await vi.advanceTimersByTimeAsync(0);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Sneaky Klaus — lo siguiente: Recordatorio · Family 2026 · dentro de 3 días');
    const menu = tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: { label?: string }[] };
    expect(menu.template.map((item) => item.label)).toEqual([
      'Próximas tareas',
      'Recordatorio · Family 2026 · dentro de 3 días',
      undefined,
      'Abrir Sneaky Klaus',
      'Ejecutar ya las tareas pendientes',
      'Pausar el envío',
      undefined,
      'Salir de Sneaky Klaus',
    ]);
  });

  it('refreshes after job, exchange and outbox events and once a minute, not after others', async () => {
    const { load, emit } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    emit('participants.changed');
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    for (const type of ['exchange.changed', 'jobs.changed', 'outbox.changed']) {
      emit(type);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(load).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('coalesces a burst of events into one more refresh', async () => {
    const { load, emit } = setup();
    for (let i = 0; i < 10; i++) emit('outbox.changed');
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops refreshing and removes the icon when disposed', async () => {
    const { controller, tray, load, emit } = setup();
    await vi.advanceTimersByTimeAsync(0);
    controller.dispose();
    emit('jobs.changed');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(tray.destroy).toHaveBeenCalled();
  });

  it('says in the tooltip what is running while it runs, without reloading, and the next job again after', async () => {
    const { tray, load, send } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const progress = { id: 'import-1', kind: 'import', exchangeId: 1, done: 4200, total: 10_000, finished: false };
    send({ type: 'work.progress', progress });
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Sneaky Klaus — importing 10,000 people: 4,200 added');
    send({ type: 'work.progress', progress: { id: 'draw-2', kind: 'draw', exchangeId: 2, done: 0, total: 0, finished: false } });
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Sneaky Klaus — importing 10,000 people: 4,200 added and drawing names…');
    send({ type: 'work.progress', progress: { ...progress, done: 10_000, finished: true } });
    send({ type: 'work.progress', progress: { id: 'draw-2', kind: 'draw', exchangeId: 2, done: 30, total: 30, finished: true } });
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Sneaky Klaus — next: Reminder · Family 2026 · in 3 days');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('menu clicks reach the action handler', async () => {
    const { tray, onAction } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const menu = tray.setContextMenu.mock.calls[0]?.[0] as { template: { label?: string; click?: () => void }[] };
    menu.template.find((i) => i.label === 'Run due jobs now')?.click?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(onAction).toHaveBeenCalledWith('run-due');
  });
});
