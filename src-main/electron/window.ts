import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { secureWindowOptions } from './window-options';

/** Where the renderer comes from: the built bundle over the app: scheme, or the dev server in `electron-vite dev`. */
export interface RendererSource {
  /** What the window loads: `app://sneaky-klaus/index.html`, or the dev server's URL. */
  url: string;
  /** The built bundle the app: scheme serves; null with the dev server. */
  bundleDir: string | null;
}

export interface WindowControllerOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  iconPath?: string;
  renderer: RendererSource;
  /** True once the user quits for real (tray, app menu, Cmd+Q): then closing closes. */
  isQuitting: () => boolean;
  /** Called each time closing the window only hid it (the app stays in the tray). */
  onHiddenToTray: () => void;
}

export interface WindowController {
  /** Creates the window or brings it back (second launch, tray "Open", dock click). */
  show(): void;
  current(): BrowserWindow | null;
  /** For the IPC sender check: the id of the one trusted webContents. */
  webContentsId(): number | null;
  isFocused(): boolean;
}

/** What the window's close button does: hide to the tray, unless the app is quitting. */
export function closeKeepsRunning(isQuitting: boolean): boolean {
  return !isQuitting;
}

/** The app's one window. Closing it hides it, so participants' links keep working. */
export function createWindowController(options: WindowControllerOptions): WindowController {
  let window: BrowserWindow | null = null;

  const create = (): BrowserWindow => {
    const win = new options.BrowserWindow(secureWindowOptions(options.preloadPath, options.iconPath));
    win.once('ready-to-show', () => win.show());
    win.on('close', (event) => {
      if (!closeKeepsRunning(options.isQuitting())) return;
      event.preventDefault();
      win.hide();
      options.onHiddenToTray();
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    void win.loadURL(options.renderer.url).catch(() => undefined);
    return win;
  };

  return {
    show() {
      if (!window || window.isDestroyed()) {
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    current: () => (window && !window.isDestroyed() ? window : null),
    webContentsId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
    isFocused: () => Boolean(window && !window.isDestroyed() && window.isVisible() && window.isFocused()),
  };
}
