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

export const SMTP_PRESETS: readonly SmtpPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    appPasswordNeeded: true,
    hint:
      'Use your full Gmail address as the user name and an app password, not your normal password. ' +
      'App passwords need 2-Step Verification to be turned on in your Google Account.',
    appPasswordUrl: 'https://myaccount.google.com/apppasswords',
  },
  {
    id: 'outlook',
    label: 'Outlook / Microsoft 365',
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    appPasswordNeeded: true,
    hint:
      'Use your full email address as the user name. Personal Outlook.com or Hotmail accounts need an ' +
      'app password (two-step verification must be on). Work or school accounts only work if the ' +
      'administrator allows "Authenticated SMTP", which Microsoft is phasing out.',
    appPasswordUrl: 'https://account.live.com/proofs/AppPassword',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    host: 'smtp.mail.me.com',
    port: 587,
    security: 'starttls',
    appPasswordNeeded: true,
    hint:
      'Use your full iCloud email address as the user name and an app-specific password created at ' + 'account.apple.com (Sign-In and Security), not your Apple Account password.',
    appPasswordUrl: 'https://account.apple.com',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    host: 'smtp.fastmail.com',
    port: 465,
    security: 'tls',
    appPasswordNeeded: true,
    hint: 'Use your full Fastmail address as the user name and an app password with SMTP access, created ' + 'under Settings → Privacy & Security → Manage app passwords.',
    appPasswordUrl: null,
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    host: 'smtp.mail.yahoo.com',
    port: 465,
    security: 'tls',
    appPasswordNeeded: true,
    hint: 'Use your full Yahoo address as the user name and an app password generated in your Yahoo ' + 'account security settings, not your normal password.',
    appPasswordUrl: 'https://login.yahoo.com/account/security',
  },
  {
    id: 'custom',
    label: 'Other (custom server)',
    host: '',
    port: 587,
    security: 'starttls',
    appPasswordNeeded: false,
    hint: 'Copy the outgoing (SMTP) server settings from your email provider. Port 587 usually goes with ' + 'STARTTLS, port 465 with SSL/TLS.',
    appPasswordUrl: null,
  },
];

export function findSmtpPreset(id: string | null | undefined): SmtpPreset | undefined {
  return SMTP_PRESETS.find((p) => p.id === id);
}

/** nodemailer's two switches for a security choice. */
export function transportSecurity(security: SmtpSecurity): { secure: boolean; requireTLS: boolean } {
  return security === 'tls' ? { secure: true, requireTLS: false } : { secure: false, requireTLS: true };
}

/** The usual security for a port, to pre-fill the custom form when the port changes. */
export function securityForPort(port: number): SmtpSecurity {
  return port === 465 ? 'tls' : 'starttls';
}
