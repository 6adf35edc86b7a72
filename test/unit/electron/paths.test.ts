import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, trayIconPath } from '../../../src-main/electron/paths';

const repo = join('/', 'work', 'sk');
const dev = { mainDir: join(repo, 'out', 'main'), isPackaged: false, resourcesPath: '/nowhere', env: {}, exists: () => true };
const packaged = { mainDir: join('/', 'opt', 'SK', 'resources', 'app.asar', 'out', 'main'), isPackaged: true, resourcesPath: join('/', 'opt', 'SK', 'resources'), env: {}, exists: () => true };

describe('desktopPaths', () => {
  it('finds resources and the Electron-built SQLite binding in the repository in development', () => {
    const paths = desktopPaths(dev);
    expect(paths.resources).toBe(join(repo, 'resources'));
    expect(paths.appIcon).toBe(join(repo, 'resources', 'icons', 'icon.png'));
    expect(paths.nativeBinding).toBe(join(repo, 'out', 'native', 'better_sqlite3.node'));
    expect(paths.preload).toBe(join(repo, 'out', 'preload', 'preload.cjs'));
    expect(paths.renderer.file).toBe(join(repo, 'out', 'renderer', 'index.html'));
    expect(paths.renderer.url).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/);
  });

  it('finds them in process.resourcesPath when packaged', () => {
    const paths = desktopPaths(packaged);
    expect(paths.resources).toBe(join('/', 'opt', 'SK', 'resources', 'resources'));
    expect(paths.nativeBinding).toBe(join('/', 'opt', 'SK', 'resources', 'native', 'better_sqlite3.node'));
    expect(paths.renderer.file).toBe(join(packaged.mainDir, '..', 'renderer', 'index.html'));
  });

  it('says when the binding has not been built', () => {
    expect(desktopPaths({ ...dev, exists: () => false }).nativeBinding).toBeNull();
  });

  it('uses the dev server only unpackaged and only on this computer', () => {
    expect(desktopPaths({ ...dev, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }).renderer).toEqual({ url: 'http://localhost:5173/', file: null });
    expect(desktopPaths({ ...dev, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } }).renderer.file).not.toBeNull();
    expect(desktopPaths({ ...packaged, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }).renderer.file).not.toBeNull();
  });
});

describe('trayIconPath', () => {
  it('is the template image on macOS and the coloured one elsewhere', () => {
    expect(trayIconPath('/i', 'darwin')).toBe(join('/i', 'trayTemplate.png'));
    expect(trayIconPath('/i', 'win32')).toBe(join('/i', 'tray.png'));
    expect(trayIconPath('/i', 'linux')).toBe(join('/i', 'tray.png'));
  });
});
