import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, trayIconPath } from '../../../src-main/electron/paths';

const repo = join('/', 'work', 'sk');
const dev = { mainDir: join(repo, 'out', 'main'), isPackaged: false, resourcesPath: '/nowhere', env: {}, exists: () => true };
const packaged = {
  mainDir: join('/', 'opt', 'SK', 'resources', 'app.asar', 'out', 'main'),
  isPackaged: true,
  resourcesPath: join('/', 'opt', 'SK', 'resources'),
  env: {},
  exists: () => true,
};

describe('desktopPaths', () => {
  it('finds resources and the Electron-built SQLite binding in the repository in development', () => {
    const paths = desktopPaths(dev);
    expect(paths.resources).toBe(join(repo, 'resources'));
    expect(paths.appIcon).toBe(join(repo, 'resources', 'icons', 'icon.png'));
    expect(paths.nativeBinding).toBe(join(repo, 'out', 'native', 'better_sqlite3.node'));
    expect(paths.preload).toBe(join(repo, 'out', 'preload', 'preload.cjs'));
    expect(paths.renderer).toEqual({ url: 'app://sneaky-klaus/index.html', bundleDir: join(repo, 'out', 'renderer') });
  });

  it('finds them in process.resourcesPath when packaged', () => {
    const paths = desktopPaths(packaged);
    expect(paths.resources).toBe(join('/', 'opt', 'SK', 'resources', 'resources'));
    expect(paths.nativeBinding).toBe(join('/', 'opt', 'SK', 'resources', 'native', 'better_sqlite3.node'));
    expect(paths.renderer).toEqual({ url: 'app://sneaky-klaus/index.html', bundleDir: join(packaged.mainDir, '..', 'renderer') });
  });

  it('says when the binding has not been built', () => {
    expect(desktopPaths({ ...dev, exists: () => false }).nativeBinding).toBeNull();
  });

  it('uses the dev server only unpackaged and only on this computer', () => {
    expect(desktopPaths({ ...dev, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }).renderer).toEqual({ url: 'http://localhost:5173/', bundleDir: null });
    expect(desktopPaths({ ...dev, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } }).renderer.url).toBe('app://sneaky-klaus/index.html');
    expect(desktopPaths({ ...packaged, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }).renderer.url).toBe('app://sneaky-klaus/index.html');
  });
});

describe('trayIconPath', () => {
  it('is the template image on macOS and the coloured one elsewhere', () => {
    expect(trayIconPath('/i', 'darwin')).toBe(join('/i', 'trayTemplate.png'));
    expect(trayIconPath('/i', 'win32')).toBe(join('/i', 'tray.png'));
    expect(trayIconPath('/i', 'linux')).toBe(join('/i', 'tray.png'));
  });
});
