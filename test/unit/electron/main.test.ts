import type { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type * as SettingsModule from '../../../src-main/services/organizer/settings';
import type { FakeBrowserWindow as FakeWindow } from './fake-electron';

/** Shared by the mocks below: what happened, in order. */
const state = vi.hoisted(() => ({
  order: [] as string[],
  lock: true,
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  notifications: [] as { title: string; body: string }[],
  windows: [] as unknown[],
  userData: '',
  /** What the operating system says its language is. */
  locale: 'en-US',
  quit: undefined as unknown as Mock,
}));

vi.mock('electron', async () => {
  const { FakeBrowserWindow } = await import('./fake-electron');
  const { EventEmitter: Emitter } = await import('node:events');
  const quit = vi.fn(() => void state.order.push('app.quit'));
  state.quit = quit;
  class Notification {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      state.notifications.push({ title: options.title, body: options.body });
    }
    on() {}
    show() {}
  }
  class Tray {
    constructor() {
      state.order.push('tray');
    }
    setContextMenu() {}
    setToolTip() {}
    on() {}
    destroy() {}
  }
  class RecordingWindow extends FakeBrowserWindow {
    constructor(options: unknown) {
      super(options);
      state.windows.push(this);
      state.order.push('window');
    }
  }
  return {
    app: {
      isPackaged: false,
      getPath: () => state.userData,
      setPath: vi.fn(),
      requestSingleInstanceLock: () => state.lock,
      on: (name: string, fn: (...args: unknown[]) => void) => state.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
      quit,
      exit: vi.fn(),
      getLocale: () => state.locale,
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
      setLoginItemSettings: vi.fn(),
    },
    BrowserWindow: RecordingWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string) => state.order.push(`ipc:${channel}`)), removeHandler: vi.fn(() => state.order.push('ipc.off')) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createFromPath: () => ({ setTemplateImage: vi.fn() }) },
    Notification,
    powerMonitor: new Emitter(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void state.order.push('scheme')),
      handle: vi.fn((scheme: string) => void state.order.push(`protocol:${scheme}`)),
    },
    safeStorage: { isEncryptionAvailable: () => false },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } } },
    shell: { openExternal: vi.fn() },
    Tray,
  };
});

const core = vi.hoisted(() => ({
  deps: { runtime: { participantUrls: [] as string[] }, clock: { now: () => Date.parse('2026-12-10T09:00:00Z') }, events: { subscribe: () => () => undefined } },
  relay: { start: vi.fn(() => void state.order.push('relay.start')), stop: vi.fn(async () => void state.order.push('relay.stop')) },
  jobs: {
    start: vi.fn(async () => void state.order.push('jobs.start')),
    stop: vi.fn(async () => void state.order.push('jobs.stop')),
    resume: vi.fn(async () => void state.order.push('jobs.resume')),
  },
  lifecycle: null as null | { start(): Promise<void>; stop(ms?: number): Promise<void> },
  participant: null as unknown,
}));

/** The app's real start and stop order, over recording parts. */
vi.mock('../../../src-main/app', async () => {
  const { Lifecycle } = await import('../../../src-main/lifecycle');
  const { silentLogger } = await import('../../../src-main/log');
  return {
    createApp: vi.fn(async (options: unknown) => {
      state.order.push('createApp');
      return Object.assign(core, {
        options,
        async start(start: { participant: unknown; front?: () => Promise<{ close(): void }> | { close(): void } }) {
          core.participant = start.participant;
          core.lifecycle = new Lifecycle({
            listenParticipants: async () => (state.order.push('listen'), { close: async () => void state.order.push('listener.close') }),
            relay: core.relay,
            jobs: core.jobs,
            openFront: start.front,
            closeDatabase: () => void state.order.push('core.close'),
            log: silentLogger,
          });
          await core.lifecycle.start();
        },
        stop: (ms?: number) => core.lifecycle?.stop(ms) ?? Promise.resolve(),
      });
    }),
  };
});
/** The shell hands the operating system's language to the settings before anything starts. */
vi.mock('../../../src-main/services/organizer/settings', async (original) => ({
  ...(await original<typeof SettingsModule>()),
  setSystemLocale: vi.fn((tag: string) => void state.order.push(`systemLocale:${tag}`)),
}));
vi.mock('../../../src-main/rpc/dispatch', () => ({
  dispatch: vi.fn(async (_deps: unknown, name: string) => ({ ok: true, value: name === 'outbox.status' ? { paused: false } : [] })),
}));

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function launch(lock = true, locale = 'en-US') {
  vi.resetModules();
  state.locale = locale;
  state.order.length = 0;
  state.appEvents.clear();
  state.notifications.length = 0;
  state.lock = lock;
  state.windows.length = 0;
  const { powerMonitor } = await import('electron');
  (powerMonitor as unknown as EventEmitter).removeAllListeners();
  state.userData = mkdtempSync(join(tmpdir(), 'sk-main-'));
  await import('../../../src-main/electron/main');
  await flush();
  return { windows: state.windows as FakeWindow[] };
}

beforeEach(() => vi.clearAllMocks());

describe('main', () => {
  it('starts in the app’s order, then its front: core, participant HTTP on 4317, relay, jobs, IPC, window, tray', async () => {
    await launch();
    expect(state.order).toEqual(['scheme', 'protocol:app', 'systemLocale:en-US', 'createApp', 'listen', 'relay.start', 'jobs.start', 'ipc:rpc', 'window', 'tray']);
    expect(core.participant).toEqual({ host: '0.0.0.0', port: 4317 });
    const { createApp } = await import('../../../src-main/app');
    expect(vi.mocked(createApp).mock.calls[0]?.[0]).toMatchObject({ dataDir: state.userData });
    const options = vi.mocked(createApp).mock.calls[0]?.[0] as { smtpPassword: { description: string } };
    expect(options.smtpPassword.description).toMatch(/^memory only/); // the mock has no keychain
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    await launch(false);
    expect(state.order).toEqual(['app.quit']);
    expect(state.appEvents.size).toBe(0);
  });

  it('focuses the window on a second launch and catches up on resume', async () => {
    const { windows } = await launch();
    const win = windows[0] as FakeWindow;
    win.minimized = true;
    state.appEvents.get('second-instance')?.();
    expect(win.restore).toHaveBeenCalled();
    const { powerMonitor } = await import('electron');
    (powerMonitor as unknown as EventEmitter).emit('resume');
    await flush();
    expect(core.jobs.resume).toHaveBeenCalledTimes(1);
  });

  it('keeps running in the tray when the window closes, telling the user once', async () => {
    const { windows } = await launch();
    const win = windows[0] as FakeWindow;
    expect(win.userClose()).toBe(false);
    win.show();
    expect(win.userClose()).toBe(false);
    expect(state.notifications).toEqual([{ title: 'Sneaky Klaus is still running', body: expect.stringContaining('keeps running in the') }]);
    expect(state.order).not.toContain('core.close');
    state.appEvents.get('window-all-closed')?.();
    expect(state.quit).not.toHaveBeenCalled();
  });

  it('tells the settings the computer’s language before the first window, and speaks it in the tray hint', async () => {
    const { windows } = await launch(true, 'es-ES');
    expect(state.order.slice(0, 4)).toEqual(['scheme', 'protocol:app', 'systemLocale:es-ES', 'createApp']);
    expect(state.order.indexOf('systemLocale:es-ES')).toBeLessThan(state.order.indexOf('window'));
    (windows[0] as FakeWindow).userClose();
    expect(state.notifications).toEqual([
      {
        title: 'Sneaky Klaus sigue abierto',
        body: expect.stringMatching(/^Sneaky Klaus sigue funcionando en (la bandeja del sistema|la barra de menús) para que los enlaces sigan funcionando\.$/),
      },
    ]);
  });

  it('on quit: holds it, stops IPC, jobs, relay, listener, database, then quits for real and lets the window close', async () => {
    const { windows } = await launch();
    state.order.length = 0;
    const event = { preventDefault: vi.fn() };
    state.appEvents.get('before-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    expect(state.order).toEqual(['ipc.off', 'jobs.stop', 'relay.stop', 'listener.close', 'core.close', 'app.quit']);
    const again = { preventDefault: vi.fn() };
    state.appEvents.get('before-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect((windows[0] as FakeWindow).userClose()).toBe(true);
  });

  it('hardens every webContents the app creates', async () => {
    await launch();
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    state.appEvents.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((c) => c[0])).toEqual(['will-navigate', 'will-attach-webview']);
  });

  it('serves the renderer from the privileged app: scheme (registered before ready), with the bundle as its only files', async () => {
    await launch();
    const { protocol } = await import('electron');
    expect(vi.mocked(protocol.registerSchemesAsPrivileged).mock.calls[0]?.[0]).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const window = state.windows[0] as FakeWindow;
    expect(window.loaded).toEqual({ url: 'app://sneaky-klaus/index.html' });
    const handler = vi.mocked(protocol.handle).mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://sneaky-klaus/../../../../etc/passwd'))).status).toBeGreaterThanOrEqual(400);
  });
});
