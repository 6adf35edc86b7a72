import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';

/**
 * Preferences that belong to this computer rather than to the data (the settings operations have
 * no field for them): kept in a small JSON file in Electron's userData folder.
 */
export const DesktopPreferencesSchema = z.object({
  notifyRegistrations: z.boolean().catch(true),
  notifyDraws: z.boolean().catch(true),
  notifyFailures: z.boolean().catch(true),
  openAtLogin: z.boolean().catch(false),
  /** The "keeps running in the tray" notice was shown once. */
  trayHintShown: z.boolean().catch(false),
});

export type DesktopPreferences = z.output<typeof DesktopPreferencesSchema>;
export type PreferenceToggle = 'notifyRegistrations' | 'notifyDraws' | 'notifyFailures' | 'openAtLogin';

export const PREFERENCES_FILE = 'desktop-preferences.json';

export interface PreferencesStore {
  get(): DesktopPreferences;
  update(patch: Partial<DesktopPreferences>): DesktopPreferences;
}

/** Reads once, writes on every change (whole file, then rename: never a half-written file). */
export function preferencesStore(file: string, log: Logger): PreferencesStore {
  let current = read(file, log);
  return {
    get: () => current,
    update(patch) {
      current = DesktopPreferencesSchema.parse({ ...current, ...patch });
      try {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(`${file}.tmp`, `${JSON.stringify(current, null, 2)}\n`, { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
      } catch (error) {
        log.warn('could not save the desktop preferences', { file, error });
      }
      return current;
    },
  };
}

function read(file: string, log: Logger): DesktopPreferences {
  let raw: unknown = {};
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('unreadable desktop preferences; using defaults', { file });
  }
  const parsed = DesktopPreferencesSchema.safeParse(typeof raw === 'object' && raw !== null ? raw : {});
  return parsed.success ? parsed.data : DesktopPreferencesSchema.parse({});
}

/** The tray's check boxes. Launch at login is left out where Electron cannot set it (Linux). */
export function preferenceToggles(prefs: DesktopPreferences, platform: NodeJS.Platform): { key: PreferenceToggle; checked: boolean }[] {
  const toggles: { key: PreferenceToggle; checked: boolean }[] = [
    { key: 'notifyRegistrations', checked: prefs.notifyRegistrations },
    { key: 'notifyDraws', checked: prefs.notifyDraws },
    { key: 'notifyFailures', checked: prefs.notifyFailures },
  ];
  if (platform === 'darwin' || platform === 'win32') {
    toggles.push({ key: 'openAtLogin', checked: prefs.openAtLogin });
  }
  return toggles;
}
