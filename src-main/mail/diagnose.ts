import { translator, type Translator } from '../i18n';

export type SmtpErrorKind = 'auth' | 'tls' | 'connection' | 'host-unknown' | 'timeout' | 'sender-rejected' | 'recipient-rejected' | 'deferred' | 'unknown';

export interface SmtpDiagnosis {
  kind: SmtpErrorKind;
  /** One or a few sentences for a non-technical organizer; never a stack trace. */
  message: string;
}

/** The fields nodemailer puts on its errors (see its smtp-connection `_formatError`). */
interface Facts {
  code: string;
  originalCode: string;
  responseCode: number;
  command: string;
  message: string;
  response: string;
  timeoutType: string;
  reason: string;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readFacts(error: unknown): Facts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = typeof error === 'string' ? error : str(e['message']);
  return {
    code: str(e['code']),
    originalCode: str(e['originalCode']),
    responseCode: typeof e['responseCode'] === 'number' ? e['responseCode'] : 0,
    command: str(e['command']),
    message,
    response: str(e['response']),
    timeoutType: str(e['timeoutType']),
    reason: str(e['reason']),
  };
}

/** The server's own words, on one line and short, to quote after our explanation. */
function serverSaid(f: Facts, t: Translator): string {
  const raw = (f.response || '').replace(/\s+/g, ' ').trim();
  if (!raw) return '';
  const text = (raw.length > 160 ? `${raw.slice(0, 159)}…` : raw).replace(/[.\s]+$/, '');
  return ` ${t.t('mail.smtp.serverSaid', { text })}`;
}

/** First line of a foreign error message, without OpenSSL's hex prefixes or file paths. */
function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

const APP_PASSWORD_PROVIDERS: Record<string, string> = {
  gmail: 'Gmail',
  icloud: 'iCloud',
  yahoo: 'Yahoo',
  fastmail: 'Fastmail',
};

function authHint(f: Facts, presetId: string | undefined, t: Translator): string {
  const all = `${f.message} ${f.response}`;
  if (/SmtpClientAuthentication is disabled|basic authentication is disabled|5\.7\.139/i.test(all) || presetId === 'outlook') {
    return ` ${t.t('mail.smtp.auth.microsoft')}`;
  }
  const provider = presetId ? APP_PASSWORD_PROVIDERS[presetId] : undefined;
  if (provider) {
    return ` ${t.t('mail.smtp.auth.provider', { provider })}`;
  }
  if (/application-specific password|app password|5\.7\.9\b/i.test(all)) {
    return ` ${t.t('mail.smtp.auth.appPassword')}`;
  }
  return ` ${t.t('mail.smtp.auth.check')}`;
}

const TLS_MISMATCH = /wrong version number|packet length too long|unknown protocol|http request|ERR_SSL_WRONG_VERSION|ERR_SSL_PACKET_LENGTH/i;
const TLS_CERT = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME|certificate/i;
function tlsDiagnosis(f: Facts, t: Translator): SmtpDiagnosis | null {
  const text = `${f.originalCode} ${f.reason} ${f.message} ${f.response}`;
  const starttlsDemanded = /STARTTLS/i.test(f.response) && f.responseCode === 530;
  if (TLS_MISMATCH.test(text)) {
    return {
      kind: 'tls',
      message: t.t('mail.smtp.tls.mismatch'),
    };
  }
  if (TLS_CERT.test(`${f.originalCode} ${f.reason} ${f.message}`) && (f.code === 'ESOCKET' || f.code === 'ETLS' || f.originalCode)) {
    return {
      kind: 'tls',
      message: t.t('mail.smtp.tls.certificate'),
    };
  }
  if (f.code === 'ETLS' || starttlsDemanded || /^ERR_(SSL|TLS)_/.test(f.originalCode)) {
    return {
      kind: 'tls',
      message: t.t('mail.smtp.tls.failed'),
    };
  }
  return null;
}

function authDiagnosis(f: Facts, presetId: string | undefined, t: Translator): SmtpDiagnosis | null {
  if (f.code === 'ENOAUTH' || (f.code === 'EAUTH' && /missing credentials/i.test(f.message))) {
    return { kind: 'auth', message: t.t('mail.smtp.auth.missing') };
  }
  const authRequired = f.responseCode === 530 && /auth/i.test(`${f.response} ${f.message}`);
  if (authRequired) {
    return {
      kind: 'auth',
      message: `${t.t('mail.smtp.auth.required')}${authHint(f, presetId, t)}`,
    };
  }
  if (f.code === 'EAUTH' || f.command.startsWith('AUTH') || f.responseCode === 534 || f.responseCode === 535) {
    return {
      kind: 'auth',
      message: `${t.t('mail.smtp.auth.rejected')}${authHint(f, presetId, t)}${serverSaid(f, t)}`,
    };
  }
  return null;
}

function timeoutDiagnosis(f: Facts, t: Translator): SmtpDiagnosis | null {
  if (f.code !== 'ETIMEDOUT' && f.originalCode !== 'ETIMEDOUT' && !f.timeoutType) return null;
  switch (f.timeoutType) {
    case 'GREETING_TIMEOUT':
      return {
        kind: 'timeout',
        message: t.t('mail.smtp.timeout.greeting'),
      };
    case 'UPGRADE_TIMEOUT':
      return { kind: 'timeout', message: t.t('mail.smtp.timeout.upgrade') };
    case 'SOCKET_TIMEOUT':
      return { kind: 'timeout', message: t.t('mail.smtp.timeout.socket') };
    default:
      return {
        kind: 'timeout',
        message: t.t('mail.smtp.timeout.other'),
      };
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'ENODATA', 'ESERVFAIL']);

function networkDiagnosis(f: Facts, t: Translator): SmtpDiagnosis | null {
  if (f.code === 'EDNS' || DNS_CODES.has(f.originalCode) || DNS_CODES.has(f.code)) {
    const offline = f.originalCode === 'EAI_AGAIN' || f.code === 'EAI_AGAIN';
    return {
      kind: 'host-unknown',
      message: offline ? t.t('mail.smtp.host.offline') : t.t('mail.smtp.host.unknown'),
    };
  }
  const sys = f.originalCode || f.code;
  if (sys === 'ECONNREFUSED') {
    return {
      kind: 'connection',
      message: t.t('mail.smtp.connection.refused'),
    };
  }
  if (sys === 'EHOSTUNREACH' || sys === 'ENETUNREACH' || sys === 'ENETDOWN') {
    return { kind: 'connection', message: t.t('mail.smtp.connection.unreachable') };
  }
  if (f.responseCode === 421) {
    return { kind: 'connection', message: `${t.t('mail.smtp.connection.busy')}${serverSaid(f, t)}` };
  }
  if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || sys === 'ECONNRESET' || sys === 'EPIPE') {
    return {
      kind: 'connection',
      message: t.t('mail.smtp.connection.cut'),
    };
  }
  return null;
}

/** RFC 5321 §4.2.1 / RFC 3463: a 4yz reply, or an enhanced status 4.x.x, asks to try again later. */
export function isTransientReply(f: { responseCode: number; response: string }): boolean {
  if (f.responseCode >= 500) return false;
  return (f.responseCode >= 400 && f.responseCode < 500) || /(^|\s|-)4\.\d{1,3}\.\d{1,3}\b/.test(f.response);
}

function envelopeDiagnosis(f: Facts, t: Translator): SmtpDiagnosis | null {
  const all = `${f.message} ${f.response}`;
  if (isTransientReply(f) && !/quota|limit exceeded|sending limit|too many (messages|emails)/i.test(all)) {
    // Greylisting, a full mailbox, a busy server: nothing is wrong with the address; waiting helps.
    return {
      kind: 'deferred',
      message: `${t.t('mail.smtp.deferred')}${serverSaid(f, t)}`,
    };
  }
  if (f.responseCode >= 400 && /quota|limit exceeded|sending limit|too many (messages|emails)/i.test(all)) {
    return {
      kind: 'sender-rejected',
      message: `${t.t('mail.smtp.quota')}${serverSaid(f, t)}`,
    };
  }
  const sender = f.command === 'MAIL FROM' || /invalid sender|SendAsDenied|send as this sender/i.test(all);
  if (sender) {
    return {
      kind: 'sender-rejected',
      message: `${t.t('mail.smtp.sender')}${serverSaid(f, t)}`,
    };
  }
  if (f.command === 'RCPT TO' || /no recipients defined|invalid recipient/i.test(f.message)) {
    return {
      kind: 'recipient-rejected',
      message: `${t.t('mail.smtp.recipient')}${serverSaid(f, t)}`,
    };
  }
  if (f.command === 'DATA' || f.code === 'EMESSAGE') {
    return {
      kind: 'unknown',
      message: `${t.t('mail.smtp.message')}${serverSaid(f, t)}`,
    };
  }
  return null;
}

/**
 * Turns a nodemailer (or any) error into a kind and a sentence the organizer can act on, in the
 * organizer's language (`t`; English when left out).
 */
export function diagnoseSmtpError(error: unknown, presetId?: string, t: Translator = translator('en')): SmtpDiagnosis {
  return diagnoseFacts(readFacts(error), presetId, t);
}

const CONNECTION_KINDS: ReadonlySet<SmtpErrorKind> = new Set(['connection', 'timeout', 'host-unknown', 'deferred']);

/**
 * Temporary (retry with backoff) or permanent (the organizer must act), as RFC 5321/3463 say:
 * every 4xx reply or enhanced 4.x.x status at any stage, and every failure to connect or to hear
 * back, is temporary; a 5xx reply is permanent.
 */
export function classifySmtpError(error: unknown, presetId?: string, t: Translator = translator('en')): SmtpDiagnosis & { temporary: boolean } {
  const f = readFacts(error);
  const diagnosis = diagnoseFacts(f, presetId, t);
  const temporary = f.responseCode < 500 && (isTransientReply(f) || CONNECTION_KINDS.has(diagnosis.kind));
  return { ...diagnosis, temporary };
}

function diagnoseFacts(f: Facts, presetId: string | undefined, t: Translator): SmtpDiagnosis {
  const found = tlsDiagnosis(f, t) ?? authDiagnosis(f, presetId, t) ?? timeoutDiagnosis(f, t) ?? networkDiagnosis(f, t) ?? envelopeDiagnosis(f, t);
  if (found) return found;
  if (f.code === 'EPROTOCOL') {
    return {
      kind: 'unknown',
      message: t.t('mail.smtp.protocol'),
    };
  }
  const detail = firstLine(f.message);
  return {
    kind: 'unknown',
    message: detail ? t.t('mail.smtp.failed', { detail: /[.!?]$/.test(detail) ? detail : `${detail}.` }) : t.t('mail.smtp.failedUnknown'),
  };
}
