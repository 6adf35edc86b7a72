import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { checkedEmail } from '../../core/email';
import { DomainError } from '../../core/errors';
import { readSettings, writeSetting } from '../../db/repos/settings';
import { diagnoseSmtpError } from '../../mail/diagnose';
import { translator } from '../../i18n';
import { smtpPresets } from '../../mail/presets';
import { testEmail } from '../../mail/templates';
import { smtpTransport, type SmtpConfig } from '../../mail/transport';
import type { Deps } from '../common/deps';
import { getSettings } from '../organizer/settings';

interface StoredSmtp {
  presetId: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  fromName: string;
  fromAddress: string;
  maxConnections: number;
}

function storedSmtp(deps: Deps): StoredSmtp | null {
  const value = readSettings(deps.db).get('smtp');
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<StoredSmtp>;
  if (typeof s.host !== 'string' || typeof s.port !== 'number' || typeof s.fromAddress !== 'string') return null;
  return { presetId: 'custom', security: 'starttls', username: '', fromName: 'Sneaky Klaus', maxConnections: 3, ...s } as StoredSmtp;
}

export function smtpIsConfigured(deps: Deps): boolean {
  return storedSmtp(deps) !== null;
}

/** The transport configuration with the password, for the relay; null while mail stays in preview. */
export function smtpConfig(deps: Deps): (SmtpConfig & { from: string }) | null {
  const s = storedSmtp(deps);
  if (!s) return null;
  return {
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    password: deps.smtpPassword.get(),
    maxConnections: s.maxConnections,
    from: s.fromName ? `"${s.fromName}" <${s.fromAddress}>` : s.fromAddress,
  };
}

export function isSendingPaused(deps: Deps): boolean {
  return readSettings(deps.db).get('sendingPaused') === true;
}

export function setSendingPaused(deps: Deps, paused: boolean): void {
  writeSetting(deps.db, 'sendingPaused', paused, deps.clock.now());
  deps.events.emit({ type: 'outbox.changed' });
}

export function viewSmtp(deps: Deps): OperationOutput<'smtp.get'> {
  const s = storedSmtp(deps);
  return {
    configured: s !== null,
    presetId: s?.presetId ?? 'custom',
    host: s?.host ?? '',
    port: s?.port ?? 587,
    security: s?.security ?? 'starttls',
    username: s?.username ?? '',
    fromName: s?.fromName ?? 'Sneaky Klaus',
    fromAddress: s?.fromAddress ?? '',
    maxConnections: s?.maxConnections ?? 3,
    hasPassword: deps.smtpPassword.get() !== null,
    passwordStore: translator(getSettings(deps).locale).text(deps.smtpPassword.wording),
    presets: smtpPresets(translator(getSettings(deps).locale)),
  };
}

export function saveSmtp(deps: Deps, input: ParsedInput<'smtp.set'>): OperationOutput<'smtp.get'> {
  const fromAddress = checkedEmail(input.fromAddress, 'fromAddress');
  if (input.password !== undefined && !deps.smtpPassword.writable) {
    throw new DomainError(
      'invalid_input',
      { key: 'error.smtp.passwordOutside', values: { store: translator(getSettings(deps).locale).text(deps.smtpPassword.wording) } },
      {
        issues: [{ path: 'password', message: { key: 'error.smtp.passwordOutsideShort' } }],
      },
    );
  }
  const { password, ...settings } = input;
  deps.db.transaction(() => writeSetting(deps.db, 'smtp', { ...settings, fromAddress }, deps.clock.now()));
  if (password !== undefined) deps.smtpPassword.set(password);
  deps.events.emit({ type: 'settings.changed' });
  deps.events.emit({ type: 'outbox.changed' });
  return viewSmtp(deps);
}

/** Sends one message now, outside the outbox, and explains any failure in plain words. */
export async function sendTestEmail(deps: Deps, input: ParsedInput<'smtp.test'>): Promise<OperationOutput<'smtp.test'>> {
  const config = smtpConfig(deps);
  const settings = getSettings(deps);
  const t = translator(settings.locale);
  if (!config) return { ok: false, kind: 'not-configured', message: t.t('mail.smtp.notConfigured') };
  const to = input.to ? checkedEmail(input.to, 'to') : (settings.organizer?.email ?? config.from.replace(/^.*<|>$/g, ''));
  const email = testEmail({ locale: settings.locale, organizerName: settings.organizer?.name ?? 'organizer', sentAt: deps.clock.now(), timezone: settings.timezone });
  const transport = smtpTransport(config, { pooled: false });
  try {
    await transport.send({ from: config.from, to, ...email, attachments: [], messageId: `<test-${deps.clock.now()}@sneaky-klaus.local>` });
    return { ok: true, kind: 'ok', message: t.t('mail.smtp.testSent', { to }) };
  } catch (error) {
    const diagnosis = diagnoseSmtpError(error, storedSmtp(deps)?.presetId, t);
    deps.log.warn('test email failed', { kind: diagnosis.kind });
    return { ok: false, kind: diagnosis.kind, message: diagnosis.message };
  } finally {
    transport.close();
  }
}
