import type { Translator } from '../i18n';

export type SmtpPresetId = 'gmail' | 'outlook' | 'icloud' | 'fastmail' | 'yahoo' | 'custom';

/**
 * `tls`: encrypted from the first byte (usually port 465, nodemailer `secure: true`).
 * `starttls`: plain connection upgraded before login (usually port 587, `secure: false` plus
 * `requireTLS: true` so a downgrade is refused rather than sending the password in clear).
 */
export type SmtpSecurity = 'tls' | 'starttls';

export interface SmtpPreset {
  id: SmtpPresetId;
  label: string;
  /** Empty for `custom`: the organizer types it. */
  host: string;
  port: number;
  security: SmtpSecurity;
  /** True when the provider refuses the normal account password for SMTP. */
  appPasswordNeeded: boolean;
  /** One or two sentences shown next to the form. */
  hint: string;
  /** Where to create an app password, when there is such a page. */
  appPasswordUrl: string | null;
}

/** The presets with their help worded in the reader's (the organizer's) language. */
export function smtpPresets(t: Translator): SmtpPreset[] {
  return [
    {
      id: 'gmail',
      label: 'Gmail',
      host: 'smtp.gmail.com',
      port: 465,
      security: 'tls',
      appPasswordNeeded: true,
      hint: t.t('mail.smtp.preset.gmail'),
      appPasswordUrl: 'https://myaccount.google.com/apppasswords',
    },
    {
      id: 'outlook',
      label: 'Outlook / Microsoft 365',
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      appPasswordNeeded: true,
      hint: t.t('mail.smtp.preset.outlook'),
      appPasswordUrl: 'https://account.live.com/proofs/AppPassword',
    },
    {
      id: 'icloud',
      label: 'iCloud Mail',
      host: 'smtp.mail.me.com',
      port: 587,
      security: 'starttls',
      appPasswordNeeded: true,
      hint: t.t('mail.smtp.preset.icloud'),
      appPasswordUrl: 'https://account.apple.com',
    },
    {
      id: 'fastmail',
      label: 'Fastmail',
      host: 'smtp.fastmail.com',
      port: 465,
      security: 'tls',
      appPasswordNeeded: true,
      hint: t.t('mail.smtp.preset.fastmail'),
      appPasswordUrl: null,
    },
    {
      id: 'yahoo',
      label: 'Yahoo Mail',
      host: 'smtp.mail.yahoo.com',
      port: 465,
      security: 'tls',
      appPasswordNeeded: true,
      hint: t.t('mail.smtp.preset.yahoo'),
      appPasswordUrl: 'https://login.yahoo.com/account/security',
    },
    {
      id: 'custom',
      label: t.t('mail.smtp.preset.customLabel'),
      host: '',
      port: 587,
      security: 'starttls',
      appPasswordNeeded: false,
      hint: t.t('mail.smtp.preset.custom'),
      appPasswordUrl: null,
    },
  ];
}

/** nodemailer's two switches for a security choice. */
export function transportSecurity(security: SmtpSecurity): { secure: boolean; requireTLS: boolean } {
  return security === 'tls' ? { secure: true, requireTLS: false } : { secure: false, requireTLS: true };
}

/** The usual security for a port, to pre-fill the custom form when the port changes. */
export function securityForPort(port: number): SmtpSecurity {
  return port === 465 ? 'tls' : 'starttls';
}
