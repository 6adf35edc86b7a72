import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferencesStore, preferenceToggles } from '../../../src-main/electron/preferences';
import { silentLogger } from '../../../src-main/log';

const path = () => join(mkdtempSync(join(tmpdir(), 'sk-prefs-')), 'desktop-preferences.json');

describe('preferencesStore', () => {
  it('starts with notifications on and launch at login off, and keeps changes in the file', () => {
    const file = path();
    const store = preferencesStore(file, silentLogger);
    expect(store.get()).toEqual({ notifyRegistrations: true, notifyDraws: true, notifyFailures: true, openAtLogin: false, trayHintShown: false });
    store.update({ notifyDraws: false, openAtLogin: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ notifyDraws: false, openAtLogin: true });
    expect(preferencesStore(file, silentLogger).get()).toMatchObject({ notifyDraws: false, openAtLogin: true, notifyFailures: true });
  });

  it('falls back to defaults, field by field, for a damaged file', () => {
    const file = path();
    writeFileSync(file, JSON.stringify({ notifyDraws: 'yes', notifyFailures: false }));
    expect(preferencesStore(file, silentLogger).get()).toMatchObject({ notifyDraws: true, notifyFailures: false });
    writeFileSync(file, '{not json');
    expect(preferencesStore(file, silentLogger).get().notifyDraws).toBe(true);
  });
});

describe('preferenceToggles', () => {
  it('offers launch at login only where Electron can set it', () => {
    const prefs = preferencesStore(path(), silentLogger).get();
    expect(preferenceToggles(prefs, 'darwin').map((t) => t.key)).toContain('openAtLogin');
    expect(preferenceToggles(prefs, 'win32').map((t) => t.key)).toContain('openAtLogin');
    expect(preferenceToggles(prefs, 'linux').map((t) => t.key)).toEqual(['notifyRegistrations', 'notifyDraws', 'notifyFailures']);
  });
});
