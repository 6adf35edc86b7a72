import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../../src-main/contract/settings';
import { STORED_SETTINGS } from '../../../src-main/services/organizer/settings';

/**
 * Stored settings are read at launch without zod (services/organizer/settings.ts). These readers
 * must accept and keep exactly what the contract's `SettingsView` schema does.
 */
const SAMPLES: unknown[] = [
  null,
  undefined,
  0,
  30,
  -1,
  1.5,
  Number.NaN,
  '',
  'auto',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'daily',
  'each',
  'weekly',
  'Europe/Berlin',
  true,
  false,
  [],
  [7, 3, 1],
  [7, '3'],
  {},
  { name: 'Ada', email: 'ada@example.org' },
  { name: 'Ada', email: 'ada@example.org', extra: 'dropped' },
  { name: 'Ada' },
  { name: 1, email: 'ada@example.org' },
  { registrations: true, draws: false, failures: true },
  { registrations: true, draws: false, failures: true, other: 1 },
  { registrations: true, draws: false },
  { registrations: 'yes', draws: false, failures: true },
  'https://santa.example.net',
  'http://192.0.2.7:8080',
  // Public addresses the settings form refuses today; one may have been stored before it did.
  'https://santa.example.net/santa',
  'https://santa.example.net/?x=1',
  'https://olga:secret@santa.example.net',
  'santa.example.net',
  'ftp://santa.example.net',
];

describe('stored settings, read without zod', () => {
  const { locale: _locale, systemLocale: _systemLocale, ...stored } = SettingsView.shape;

  it('has a reader for every stored setting of the contract, and no other', () => {
    expect(Object.keys(STORED_SETTINGS).sort()).toEqual(Object.keys(stored).sort());
  });

  it.each(Object.keys(stored))('reads %s exactly as the contract schema does', (key) => {
    const schema = stored[key as keyof typeof stored];
    const read = STORED_SETTINGS[key as keyof typeof STORED_SETTINGS];
    for (const sample of SAMPLES) {
      const parsed = schema.safeParse(sample);
      const mine = read(sample);
      expect({ sample, ok: mine.ok }).toEqual({ sample, ok: parsed.success });
      if (mine.ok && parsed.success) expect(mine.value).toEqual(parsed.data);
    }
  });
});
