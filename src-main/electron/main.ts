import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, safeStorage, session, shell, Tray } from 'electron';
import { createApp } from '../app';
import { systemClock } from '../core/clock';
import { createLogger } from '../log';
import { matchLocale, translator, type Locale } from '../i18n';
import { dispatch } from '../rpc/dispatch';
import { getSettings, setSystemLocale } from '../services/organizer/settings';
import { appProtocolHandler, APP_SCHEME, registerAppScheme } from './app-protocol';
import { forwardEvents, registerRpc } from './ipc';
import { quitGuard, startDesktop, stopDesktop, type CoreApp, type Running } from './lifecycle';
import { hardenSession, hardenWebContents } from './navigation';
import { trayHintNotice, watchNotifications, type ExchangeSnapshot, type Notice } from './notifications';
import { desktopPaths, trayIconPath } from './paths';
import { PREFERENCES_FILE, preferencesStore, preferenceToggles } from './preferences';
import { SECRET_FILE, safeStorageSecretStore } from './secret-store';
import { createTrayIcon, loadTrayState, runTrayAction, startTrayController } from './tray';
import { createWindowController } from './window';

/** The participants' pages' port (the next free one when taken). */
const PARTICIPANT_PORT = 4317;
/** Passed by the login item: start in the tray without opening the window. */
const HIDDEN_ARG = '--hidden';
const log = createLogger({ clock: systemClock });
const platform = process.platform;
const paths = desktopPaths({
  mainDir: dirname(fileURLToPath(import.meta.url)),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  env: process.env,
  exists: existsSync,
});
// Lets the desktop smoke test use a throwaway folder; never honoured by a packaged app.
if (!app.isPackaged && process.env.SNEAKY_KLAUS_USER_DATA_DIR) app.setPath('userData', process.env.SNEAKY_KLAUS_USER_DATA_DIR);
const userData = app.getPath('userData');
const prefs = preferencesStore(join(userData, PREFERENCES_FILE), log);

let running: Running | null = null;
/** The core once it runs: the organizer's language comes from its settings. */
let core: Pick<CoreApp, 'deps'> | null = null;

/** The organizer's language: their setting once the core runs, the computer's before. */
function organizerLocale(): Locale {
  if (core) {
    try {
      return getSettings(core.deps).locale;
    } catch {
      // The database is unreadable: the computer's language will do for a notice.
    }
  }
  return matchLocale(app.getLocale()) ?? 'en';
}

const guard = quitGuard({ shutdown: async () => void (running && (await stopDesktop(running, log))), quit: () => app.quit(), log });
const windows = createWindowController({
  BrowserWindow,
  preloadPath: paths.preload,
  iconPath: paths.appIcon,
  renderer: paths.renderer,
  isQuitting: () => guard.quitting,
  onHiddenToTray() {
    if (prefs.get().trayHintShown) return;
    prefs.update({ trayHintShown: true });
    notify(trayHintNotice(platform, translator(organizerLocale())));
  },
});

function notify(notice: Notice): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body, icon: paths.appIcon });
  notification.on('click', () => windows.show());
  notification.show();
}

function applyOpenAtLogin(open: boolean): void {
  if (platform === 'darwin' || platform === 'win32') app.setLoginItemSettings({ openAtLogin: open, args: [HIDDEN_ARG] });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, () => paths.renderer.url);
  if (paths.renderer.bundleDir) protocol.handle(APP_SCHEME, appProtocolHandler(paths.renderer.bundleDir));
  if (!paths.nativeBinding && !app.isPackaged) log.warn('out/native/better_sqlite3.node is missing: run `npm run build:native` (or `npm start`)');
  // The organizer's language defaults to the operating system's (settings.ts), known before any window.
  setSystemLocale(app.getLocale());
  const startHidden = process.argv.includes(HIDDEN_ARG) || app.getLoginItemSettings().wasOpenedAtLogin;
  const call = (core: CoreApp) => (name: string, input: unknown) => dispatch(core.deps, name, input);
  running = await startDesktop(
    {
      createCore: async () =>
        (core = await createApp({
          dataDir: userData,
          log,
          smtpPassword: safeStorageSecretStore(safeStorage, join(userData, 'secrets', SECRET_FILE), log, platform),
          ...(paths.nativeBinding && { nativeBinding: paths.nativeBinding }),
        })),
      participant: { host: '0.0.0.0', port: PARTICIPANT_PORT },
      registerIpc(core) {
        const off = registerRpc(ipcMain, {
          trusted: () => ({ webContentsId: windows.webContentsId(), rendererUrl: paths.renderer.url }),
          dispatch: call(core),
          log,
        });
        const unsubscribe = forwardEvents(core.deps.events, () => windows.current()?.webContents ?? null);
        return () => (unsubscribe(), off());
      },
      openWindow: () => (startHidden ? undefined : windows.show()),
      startTray(core) {
        const tray = createTrayIcon({ Tray, Menu, nativeImage }, trayIconPath(paths.icons, platform), platform, () => windows.show());
        return startTrayController({
          tray,
          buildMenu: (template) => Menu.buildFromTemplate(template),
          load: () => loadTrayState(call(core)),
          now: () => core.deps.clock.now(),
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          platform,
          toggles: () => preferenceToggles(prefs.get(), platform),
          onAction: (action) => runTrayAction(action, { show: () => windows.show(), quit: () => app.quit(), call: call(core), preferences: prefs, applyOpenAtLogin, log }),
          subscribe: (listener) => core.deps.events.subscribe(listener),
          log,
        }).dispose;
      },
      startNotifications: (core) =>
        watchNotifications({
          subscribe: (listener) => core.deps.events.subscribe(listener),
          listExchanges: async () => {
            const result = await call(core)('exchanges.list', {});
            return result.ok ? (result.value as ExchangeSnapshot[]) : [];
          },
          notify,
          preferences: () => prefs.get(),
          locale: organizerLocale,
          windowFocused: () => windows.isFocused(),
          log,
        }).dispose,
      onResume(handler) {
        powerMonitor.on('resume', handler);
        return () => powerMonitor.off('resume', handler);
      },
    },
    log,
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Privileged schemes can only be registered before the app is ready.
  registerAppScheme(protocol);
  app.on('second-instance', () => windows.show());
  app.on('activate', () => windows.show());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, () => paths.renderer.url));
  // Closing the last window leaves the app in the tray: participants' links keep working.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => guard.beforeQuit(event));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', { error });
      dialog.showErrorBox(translator(matchLocale(app.getLocale()) ?? 'en').t('shell.dialog.cannotStart'), (error as Error).message ?? String(error));
      app.exit(1);
    });
}
