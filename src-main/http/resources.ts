import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `resources/` folder: next to the sources in development and tests, two levels above the
 * bundle in `out/main`, and in the app's resources when packaged.
 */
export function resourcesDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [join(here, '../../resources'), join(here, '../../../resources'), ...(packaged ? [join(packaged, 'resources')] : [])];
  const found = candidates.find((dir) => existsSync(join(dir, 'participant.css')));
  if (!found) throw new Error(`resources folder not found (looked in ${candidates.join(', ')})`);
  return found;
}
