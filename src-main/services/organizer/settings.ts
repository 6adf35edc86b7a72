import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { isPublicBaseUrl, SIGNUP_NOTICE_CHOICES } from '../../contract/values';
import { normaliseEmail } from '../../core/email';
import { invalidField } from '../../core/errors';
import { randomToken } from '../../core/tokens';
import { readSettings, writeSetting } from '../../db/repos/settings';
import { DEFAULT_LOCALE, isLocale, matchLocale, translator, type Locale, type Translator } from '../../i18n';
import type { Deps } from '../common/deps';

export type SettingsView = OperationOutput<'settings.get'>;

type StoredKey = Exclude<keyof SettingsView, 'locale' | 'systemLocale'>;
type Reader = (value: unknown) => { ok: true; value: unknown } | { ok: false };

const accept =
  (test: (value: unknown) => boolean): Reader =>
  (value) =>
    test(value) ? { ok: true, value } : { ok: false };
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object with exactly these fields of this type, as stored; other fields are dropped. */
const shape =
  (keys: readonly string[], test: (field: unknown) => boolean): Reader =>
  (value) =>
    isRecord(value) && keys.every((key) => test(value[key])) ? { ok: true, value: Object.fromEntries(keys.map((key) => [key, value[key]])) } : { ok: false };
const isString = (value: unknown) => typeof value === 'string';
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const organizer = shape(['name', 'email'], isString);

/**
 * Each stored setting's reader: the shape `SettingsView` (contract/settings.ts) gives it, checked
 * without zod so the participants' side reads settings at launch without loading it
 * (test/unit/core/settings-readers.test.ts keeps the two in agreement). An unreadable stored value
 * falls back to the default.
 */
export const STORED_SETTINGS: Readonly<Record<StoredKey, Reader>> = {
  organizer: (value) => (value === null ? { ok: true, value } : organizer(value)),
  timezone: accept(isString),
  currency: accept(isString),
  reminderDays: accept((value) => Array.isArray(value) && value.every(isNumber)),
  retentionDays: accept(isNumber),
  publicBaseUrl: accept((value) => value === null || (isString(value) && isPublicBaseUrl(value))),
  setupComplete: accept(isBoolean),
  launchAtLogin: accept(isBoolean),
  notifications: shape(['registrations', 'draws', 'failures'], isBoolean),
  signupNotices: accept((value) => (SIGNUP_NOTICE_CHOICES as readonly unknown[]).includes(value)),
  language: accept((value) => value === 'auto' || (typeof value === 'string' && isLocale(value))),
};

/**
 * The computer's language, the closest of ours: the environment's (LC_ALL, LC_MESSAGES, LANG, as
 * POSIX reads them), else the platform's default. The desktop shell replaces it with the
 * operating system's answer (`app.getLocale()`) before the first window.
 */
function environmentLocale(): Locale {
  const env = typeof process !== 'undefined' ? process.env : {};
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (value && value !== 'C' && value !== 'POSIX') return matchLocale(value) ?? DEFAULT_LOCALE;
  }
  // PluralRules: a DateTimeFormat would load ICU's date data (~20 ms) at launch for an answer every
  // Intl service shares (the platform's default locale).
  return matchLocale(new Intl.PluralRules().resolvedOptions().locale) ?? DEFAULT_LOCALE;
}

let systemLocale: Locale = environmentLocale();

/** The desktop shell tells the operating system's language ("de-AT" → de; one we lack → English). */
export function setSystemLocale(tag: string): void {
  systemLocale = matchLocale(tag) ?? DEFAULT_LOCALE;
}

/**
 * The computer's zone, read on first use and kept (the answer does not change). The first
 * `Intl.DateTimeFormat` loads ICU's date data, ~20 ms on a slow machine: a launch answering its
 * first pages (which show no date) should not wait for it.
 */
let systemTimezone: string | undefined;
const computerTimezone = (): string => (systemTimezone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/** The defaults; `timezone` is the computer's, asked only when something reads it. */
function defaults(): SettingsView {
  const settings: Omit<SettingsView, 'timezone'> = {
    organizer: null,
    currency: 'EUR',
    reminderDays: [7, 3, 1],
    retentionDays: 30,
    publicBaseUrl: null,
    setupComplete: false,
    launchAtLogin: false,
    notifications: { registrations: true, draws: true, failures: true },
    signupNotices: 'each',
    language: 'auto',
    locale: systemLocale,
    systemLocale,
  };
  return Object.defineProperty(settings, 'timezone', { get: computerTimezone, enumerable: true, configurable: true }) as SettingsView;
}

/** Set as data, which also replaces the default `timezone`'s getter when a zone is stored. */
function put(settings: SettingsView, key: keyof SettingsView, value: unknown): void {
  Object.defineProperty(settings, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * One validated, deeply frozen settings object per stored snapshot: the snapshot is replaced on
 * every write (db/repos/settings.ts), so a change gives a new object and readers share the rest.
 */
const validated = new WeakMap<Map<string, unknown>, Readonly<SettingsView>>();

export function getSettings(deps: Deps): Readonly<SettingsView> {
  const raw = readSettings(deps.db);
  const known = validated.get(raw);
  if (known && known.systemLocale === systemLocale) return known;
  const settings = defaults();
  for (const key of Object.keys(STORED_SETTINGS) as StoredKey[]) {
    if (!raw.has(key)) continue;
    const read = STORED_SETTINGS[key](raw.get(key));
    if (read.ok) put(settings, key, read.value);
    else deps.log.warn('ignoring unreadable setting', { key });
  }
  put(settings, 'locale', settings.language === 'auto' ? systemLocale : settings.language);
  const frozen = deepFreeze(settings);
  validated.set(raw, frozen);
  return frozen;
}

/** Freezes what the object holds; a getter (the default zone) is left unasked. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const field of Object.values(Object.getOwnPropertyDescriptors(value))) if ('value' in field) deepFreeze(field.value);
    Object.freeze(value);
  }
  return value;
}

/** Words and formats for the organizer, in the language in effect now. */
export function organizerTranslator(deps: Deps): Translator {
  return translator(getSettings(deps).locale);
}

export function updateSettings(deps: Deps, patch: ParsedInput<'settings.update'>): Readonly<SettingsView> {
  const now = deps.clock.now();
  const values: Record<string, unknown> = { ...patch };
  if (patch.organizer) {
    const email = normaliseEmail(patch.organizer.email);
    if (!email.ok) throw invalidField('organizer.email', email.text);
    values.organizer = { name: patch.organizer.name, email: email.email };
  }
  if (typeof patch.publicBaseUrl === 'string') values.publicBaseUrl = patch.publicBaseUrl.replace(/\/+$/, '');
  if (patch.notifications) values.notifications = { ...getSettings(deps).notifications, ...patch.notifications };
  deps.db.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) writeSetting(deps.db, key, value, now);
    }
  });
  deps.events.emit({ type: 'settings.changed' });
  return getSettings(deps);
}

/**
 * The installation's secret for keyed hashes (pair history). Made once, never shown, never
 * leaves the database.
 */
export function installationSecret(deps: Deps): string {
  const stored = readSettings(deps.db).get('installationSecret');
  if (typeof stored === 'string' && stored.length >= 32) return stored;
  return deps.db.transaction(() => {
    const existing = readSettings(deps.db).get('installationSecret');
    if (typeof existing === 'string' && existing.length >= 32) return existing;
    const secret = randomToken(deps.random, 32);
    writeSetting(deps.db, 'installationSecret', secret, deps.clock.now());
    return secret;
  });
}
