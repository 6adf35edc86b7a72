import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { SettingsView as SettingsViewSchema } from '../../contract/settings';
import { normaliseEmail } from '../../core/email';
import { invalidField } from '../../core/errors';
import { randomToken } from '../../core/tokens';
import { readSettings, writeSetting } from '../../db/repos/settings';
import type { Deps } from '../common/deps';

export type SettingsView = OperationOutput<'settings.get'>;

/** Each stored setting with its schema; an unreadable stored value falls back to the default. */
const stored = SettingsViewSchema.shape;

/** The computer's zone, read once: resolvedOptions() is slow and the answer does not change. */
const SYSTEM_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function defaults(): SettingsView {
  return {
    organizer: null,
    timezone: SYSTEM_TIMEZONE,
    currency: 'EUR',
    reminderDays: [7, 3, 1],
    retentionDays: 30,
    publicBaseUrl: null,
    setupComplete: false,
    launchAtLogin: false,
    notifications: { registrations: true, draws: true, failures: true },
    signupNotices: 'each',
  };
}

/** Validated settings per stored snapshot: the snapshot is replaced on every write. */
const validated = new WeakMap<Map<string, unknown>, SettingsView>();

export function getSettings(deps: Deps): SettingsView {
  const raw = readSettings(deps.db);
  const known = validated.get(raw);
  if (known) return structuredClone(known);
  const settings = defaults();
  for (const key of Object.keys(stored) as Array<keyof typeof stored>) {
    if (!raw.has(key)) continue;
    const parsed = stored[key].safeParse(raw.get(key));
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    else deps.log.warn('ignoring unreadable setting', { key });
  }
  validated.set(raw, settings);
  return structuredClone(settings);
}

export function updateSettings(deps: Deps, patch: ParsedInput<'settings.update'>): SettingsView {
  const now = deps.clock.now();
  const values: Record<string, unknown> = { ...patch };
  if (patch.organizer) {
    const email = normaliseEmail(patch.organizer.email);
    if (!email.ok) throw invalidField('organizer.email', email.message);
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
