import { join, resolve } from 'node:path';
import { APP_RENDERER_URL } from './app-protocol';
import type { RendererSource } from './window';

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface DesktopPaths {
  /** `<repo>/resources` in development, `<resourcesPath>/resources` when packaged. */
  resources: string;
  icons: string;
  appIcon: string;
  preload: string;
  renderer: RendererSource;
  /** better_sqlite3.node built for Electron (scripts/build-native-electron.mjs); null if missing. */
  nativeBinding: string | null;
}

export interface PathInputs {
  /** The folder of the main bundle (out/main, inside app.asar when packaged). */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
}

/** Every file the shell needs, in development (`<repo>/out/…`) and packaged (app.asar + resources). */
export function desktopPaths(input: PathInputs): DesktopPaths {
  const repo = resolve(input.mainDir, '../..');
  const resources = input.isPackaged ? join(input.resourcesPath, 'resources') : join(repo, 'resources');
  const native = input.isPackaged ? join(input.resourcesPath, 'native', NATIVE_BINDING_FILE) : join(repo, 'out', 'native', NATIVE_BINDING_FILE);
  const icons = join(resources, 'icons');
  return {
    resources,
    icons,
    appIcon: join(icons, 'icon.png'),
    preload: join(input.mainDir, '../preload/preload.cjs'),
    renderer: rendererSource(input),
    nativeBinding: input.exists(native) ? native : null,
  };
}

/**
 * The dev server's URL (`electron-vite dev`) is honoured only when not packaged and only on this
 * computer: otherwise an environment variable could hand the bridge to a remote page.
 */
function rendererSource(input: PathInputs): RendererSource {
  const dev = input.env.ELECTRON_RENDERER_URL;
  if (!input.isPackaged && dev && isLoopbackHttp(dev)) return { url: dev, bundleDir: null };
  return { url: APP_RENDERER_URL, bundleDir: join(input.mainDir, '../renderer') };
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** macOS menu bar: a black template image (the OS tints it); elsewhere the coloured icon. */
export function trayIconPath(icons: string, platform: NodeJS.Platform): string {
  return join(icons, platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}
