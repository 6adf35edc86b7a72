import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { secureWindowOptions } from '../../../src-main/electron/window-options';
import { FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => ({ BrowserWindow: (await import('./fake-electron')).FakeBrowserWindow }));
const { BrowserWindow } = await import('electron');
const { createWindowController } = await import('../../../src-main/electron/window');

const renderer = { url: 'app://sneaky-klaus/index.html', bundleDir: '/app/out/renderer' };

function setup(quitting = { value: false }) {
  const hidden = vi.fn();
  const controller = createWindowController({
    BrowserWindow,
    preloadPath: '/app/out/preload/preload.cjs',
    iconPath: '/app/resources/icons/icon.png',
    renderer,
    isQuitting: () => quitting.value,
    onHiddenToTray: hidden,
  });
  return { controller, hidden, quitting };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('the window', () => {
  it('is created with the secure options', () => {
    setup().controller.show();
    const options = FakeBrowserWindow.instances[0]?.options as ReturnType<typeof secureWindowOptions>;
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options).toMatchObject({ show: false, icon: '/app/resources/icons/icon.png' });
  });

  it('loads the bundle over the app: scheme (never file:), or the dev server', () => {
    setup().controller.show();
    expect(FakeBrowserWindow.instances[0]?.loaded).toEqual({ url: 'app://sneaky-klaus/index.html' });
    expect(FakeBrowserWindow.instances[0]?.loadFile).not.toHaveBeenCalled();
    const dev = createWindowController({
      BrowserWindow,
      preloadPath: 'p',
      renderer: { url: 'http://localhost:5173/', bundleDir: null },
      isQuitting: () => false,
      onHiddenToTray: () => undefined,
    });
    dev.show();
    expect(FakeBrowserWindow.instances[1]?.loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('shows itself when ready, and a second show focuses the same window', () => {
    const { controller } = setup();
    controller.show();
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    win.minimized = true;
    controller.show();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(controller.webContentsId()).toBe(win.webContents.id);
  });

  it('closing hides it to the tray; quitting closes it for real', () => {
    const { controller, hidden, quitting } = setup();
    controller.show();
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    win.emit('ready-to-show');
    expect(win.userClose()).toBe(false);
    expect(win.visible).toBe(false);
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(controller.current()).toBe(win);
    expect(controller.isFocused()).toBe(false);

    quitting.value = true;
    expect(win.userClose()).toBe(true);
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(controller.current()).toBeNull();
    expect(controller.webContentsId()).toBeNull();
  });
});
