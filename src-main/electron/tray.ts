import type { Menu, MenuItemConstructorOptions, NativeImage, nativeImage, Tray } from 'electron';
import type { Result } from '../contract/envelope';
import type { Logger } from '../log';
import type { PreferenceToggle, PreferencesStore } from './preferences';
import type { WorkProgress } from '../contract/events';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n';
import { trayMenuModel, trayTooltip, type TrayAction, type TrayItem, type TrayMenuInput, type TrayToggle, type UpcomingJob } from './tray-menu';

export interface TrayState {
  /** The organizer's language (settings), in which the menu and tooltip speak. */
  locale: Locale;
  upcoming: UpcomingJob[] | null;
  paused: boolean;
  /** The outbox's notices (planned deletion, links that moved), as sentences. */
  notices: string[];
  failed: number;
}

type Call = (name: string, input: unknown) => Promise<Result<unknown>>;

/** Events after which the upcoming jobs or the paused state may have changed. */
export const TRAY_REFRESH_EVENTS: ReadonlySet<string> = new Set(['exchange.changed', 'exchange.deleted', 'jobs.changed', 'outbox.changed', 'settings.changed']);
export const TRAY_REFRESH_MS = 60_000;
/** A run that sent no progress for this long is no longer shown (its end was lost, say, to an error). */
export const WORK_FORGOTTEN_MS = 60_000;
/** One more than the menu shows, so it knows to offer "More in the Jobs screen…". */
const UPCOMING_LIMIT = 6;

/** Plain items → Electron's menu template. Windows and Linux read `&` as a mnemonic: doubled. */
export function toMenuTemplate(items: readonly TrayItem[], onAction: (action: TrayAction) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const text = (label: string) => (platform === 'darwin' ? label : label.replaceAll('&', '&&'));
  return items.map((item): MenuItemConstructorOptions => {
    if (item.separator) return { type: 'separator' };
    const action = item.action;
    return {
      label: text(item.label),
      enabled: item.enabled,
      ...(item.checked !== undefined && { type: 'checkbox', checked: item.checked }),
      ...(action && { click: () => onAction(action) }),
    };
  });
}

/** The tray's data, through the same operations the admin UI uses. */
export async function loadTrayState(call: Call): Promise<TrayState> {
  const [upcoming, status, settings] = await Promise.all([call('jobs.upcoming', { limit: UPCOMING_LIMIT }), call('outbox.status', {}), call('settings.get', {})]);
  const locale = settings.ok ? (settings.value as { locale?: unknown }).locale : undefined;
  const outbox = status.ok ? (status.value as { paused?: unknown; notices?: Array<{ message?: unknown }>; counts?: { failed?: unknown } }) : null;
  return {
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    upcoming: upcoming.ok && Array.isArray(upcoming.value) ? (upcoming.value as UpcomingJob[]) : null,
    paused: Boolean(outbox?.paused),
    notices: (outbox?.notices ?? []).map((notice) => notice.message).filter((message): message is string => typeof message === 'string'),
    failed: typeof outbox?.counts?.failed === 'number' ? outbox.counts.failed : 0,
  };
}

export interface TrayActionContext {
  show(): void;
  quit(): void;
  call: Call;
  preferences: PreferencesStore;
  applyOpenAtLogin(open: boolean): void;
  log: Logger;
}

/** What each menu entry does. Failures are logged; the menu is refreshed by the caller. */
export async function runTrayAction(action: TrayAction, context: TrayActionContext): Promise<void> {
  const check = (what: string, result: Result<unknown>) => {
    if (!result.ok) context.log.warn(`tray: ${what} failed`, { code: result.error.code, message: result.error.message });
  };
  switch (action) {
    case 'open':
      return context.show();
    case 'quit':
      return context.quit();
    case 'run-due':
      return check('running due jobs', await context.call('jobs.runDue', {}));
    case 'pause-sending':
    case 'resume-sending':
      return check('pausing sending', await context.call('outbox.pause', { paused: action === 'pause-sending' }));
    default: {
      const key = action.slice('toggle:'.length) as PreferenceToggle;
      const next = context.preferences.update({ [key]: !context.preferences.get()[key] });
      if (key === 'openAtLogin') context.applyOpenAtLogin(next.openAtLogin);
    }
  }
}

export interface TrayControllerOptions {
  tray: Pick<Tray, 'setContextMenu' | 'setToolTip' | 'destroy'>;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  load(): Promise<TrayState>;
  now(): number;
  timezone: string;
  platform: NodeJS.Platform;
  toggles(): TrayToggle[];
  onAction(action: TrayAction): Promise<void> | void;
  subscribe(listener: (event: { type: string }) => void): () => void;
  log: Logger;
  intervalMs?: number;
}

export interface TrayController {
  refresh(): Promise<void>;
  dispose(): void;
}

/** Keeps the tray's menu and tooltip current: after relevant events and once a minute. */
export function startTrayController(options: TrayControllerOptions): TrayController {
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  const act = (action: TrayAction) => {
    void Promise.resolve(options.onAction(action))
      .catch((error: unknown) => options.log.warn('tray action failed', { action, error }))
      .then(() => (action === 'quit' || action === 'open' ? undefined : refresh()));
  };

  // Long operations running now, from their progress events; the tooltip says what is running.
  const working = new Map<string, { progress: WorkProgress; at: number }>();
  let lastInput: TrayMenuInput | null = null;
  const workingNow = (): WorkProgress[] => {
    const now = options.now();
    for (const [id, w] of working) if (w.progress.finished || now - w.at > WORK_FORGOTTEN_MS) working.delete(id);
    return [...working.values()].map((w) => w.progress);
  };

  const render = async () => {
    const state = await options.load().catch((error: unknown): TrayState => {
      options.log.warn('tray: cannot read upcoming jobs', { error });
      return { locale: lastInput?.locale ?? DEFAULT_LOCALE, upcoming: null, paused: false, notices: [], failed: 0 };
    });
    if (disposed) return;
    const input = { ...state, now: options.now(), timezone: options.timezone, toggles: options.toggles(), working: workingNow() };
    lastInput = input;
    options.tray.setContextMenu(options.buildMenu(toMenuTemplate(trayMenuModel(input), act, options.platform)));
    options.tray.setToolTip(trayTooltip(input));
  };

  /** A progress event changes only the tooltip: no reload, at most a few per second (the events are throttled). */
  const showProgress = (progress: WorkProgress) => {
    working.set(progress.id, { progress, at: options.now() });
    if (lastInput && !disposed) options.tray.setToolTip(trayTooltip({ ...lastInput, now: options.now(), working: workingNow() }));
  };

  // Bursts of events (a relay batch) become one refresh plus at most one more.
  const refresh = (): Promise<void> => {
    if (disposed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = render().finally(() => {
      running = null;
      if (again) {
        again = false;
        void refresh();
      }
    });
    return running;
  };

  const unsubscribe = options.subscribe((event) => {
    if (event.type === 'work.progress' && 'progress' in event) showProgress((event as { progress: WorkProgress }).progress);
    else if (TRAY_REFRESH_EVENTS.has(event.type)) void refresh();
  });
  const timer = setInterval(() => void refresh(), options.intervalMs ?? TRAY_REFRESH_MS);
  void refresh();

  return {
    refresh,
    dispose() {
      disposed = true;
      unsubscribe();
      clearInterval(timer);
      options.tray.destroy();
    },
  };
}

export interface DesktopTrayElectron {
  Tray: new (image: NativeImage) => Tray;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  nativeImage: Pick<typeof nativeImage, 'createFromPath'>;
}

/** The real tray icon: template image on macOS, coloured elsewhere; a left click opens on Windows. */
export function createTrayIcon(electron: DesktopTrayElectron, iconFile: string, platform: NodeJS.Platform, onClick: () => void): Tray {
  const image = electron.nativeImage.createFromPath(iconFile);
  if (platform === 'darwin') image.setTemplateImage(true);
  const tray = new electron.Tray(image);
  if (platform === 'win32') tray.on('click', onClick);
  return tray;
}
