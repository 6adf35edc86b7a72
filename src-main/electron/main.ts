import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { createApp, type App } from '../app';
import { dispatch } from '../rpc/dispatch';
import { isTrustedSender } from './ipc';
import { secureWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

let core: App | null = null;
let window: BrowserWindow | null = null;

function openWindow(): void {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
    return;
  }
  window = new BrowserWindow(secureWindowOptions(join(here, '../preload/preload.cjs')));
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = null;
  });
  void (process.env.ELECTRON_RENDERER_URL ? window.loadURL(rendererUrl) : window.loadFile(rendererFile));
}

async function start(): Promise<void> {
  core = await createApp({ dataDir: app.getPath('userData') });
  const deps = core.deps;
  ipcMain.handle('rpc', (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, { webContentsId: window?.webContents.id ?? null, rendererUrl })) {
      return { ok: false, error: { code: 'unauthorized', message: 'Refused: unknown sender.' } };
    }
    return dispatch(deps, typeof name === 'string' ? name : '', input);
  });
  deps.events.subscribe((appEvent) => window?.webContents.send('event', appEvent));
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', openWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });
  app.on('before-quit', () => {
    core?.close();
    core = null;
  });
  app.on('activate', openWindow);
  void app.whenReady().then(start);
}
