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
function serverSaid(f: Facts): string {
  const raw = (f.response || '').replace(/\s+/g, ' ').trim();
  if (!raw) return '';
  const text = (raw.length > 160 ? `${raw.slice(0, 159)}…` : raw).replace(/[.\s]+$/, '');
  return ` The server said: "${text}".`;
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

function authHint(f: Facts, presetId: string | undefined): string {
  const all = `${f.message} ${f.response}`;
  if (/SmtpClientAuthentication is disabled|basic authentication is disabled|5\.7\.139/i.test(all) || presetId === 'outlook') {
    return (
      ' With Microsoft, personal Outlook.com or Hotmail accounts need an app password (turn on two-step ' +
      'verification first); work or school accounts need the administrator to allow "Authenticated SMTP".'
    );
  }
  const provider = presetId ? APP_PASSWORD_PROVIDERS[presetId] : undefined;
  if (provider) {
    return ` ${provider} does not accept your normal password here: create an app password in your ${provider} ` + 'account’s security settings and paste that instead.';
  }
  if (/application-specific password|app password|5\.7\.9\b/i.test(all)) {
    return ' Your provider asks for an app password: create one in your email account’s security settings and use it instead of your normal password.';
  }
  return ' Check the user name (usually your full email address) and the password.';
}

const TLS_MISMATCH = /wrong version number|packet length too long|unknown protocol|http request|ERR_SSL_WRONG_VERSION|ERR_SSL_PACKET_LENGTH/i;
const TLS_CERT = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME|certificate/i;
const PORT_ADVICE = 'Port 465 goes with SSL/TLS turned on; port 587 goes with STARTTLS (SSL/TLS off).';

function tlsDiagnosis(f: Facts): SmtpDiagnosis | null {
  const text = `${f.originalCode} ${f.reason} ${f.message} ${f.response}`;
  const starttlsDemanded = /STARTTLS/i.test(f.response) && f.responseCode === 530;
  if (TLS_MISMATCH.test(text)) {
    return {
      kind: 'tls',
      message: `The secure connection failed because the security setting does not match the port. ${PORT_ADVICE}`,
    };
  }
  if (TLS_CERT.test(`${f.originalCode} ${f.reason} ${f.message}`) && (f.code === 'ESOCKET' || f.code === 'ETLS' || f.originalCode)) {
    return {
      kind: 'tls',
      message:
        'The mail server’s security certificate could not be verified (it may have expired, be self-signed, ' +
        'or belong to another server name). Check the server name; if it is right, the problem is on the provider’s side.',
    };
  }
  if (f.code === 'ETLS' || starttlsDemanded || /^ERR_(SSL|TLS)_/.test(f.originalCode)) {
    return {
      kind: 'tls',
      message: `Could not set up an encrypted connection with the mail server. ${PORT_ADVICE}`,
    };
  }
  return null;
}

function authDiagnosis(f: Facts, presetId: string | undefined): SmtpDiagnosis | null {
  if (f.code === 'ENOAUTH' || (f.code === 'EAUTH' && /missing credentials/i.test(f.message))) {
    return { kind: 'auth', message: 'No user name or password is filled in. Enter them and try again.' };
  }
  const authRequired = f.responseCode === 530 && /auth/i.test(`${f.response} ${f.message}`);
  if (authRequired) {
    return {
      kind: 'auth',
      message: `The mail server wants you to sign in before sending.${authHint(f, presetId)}`,
    };
  }
  if (f.code === 'EAUTH' || f.command.startsWith('AUTH') || f.responseCode === 534 || f.responseCode === 535) {
    return {
      kind: 'auth',
      message: `The mail server did not accept the user name or password.${authHint(f, presetId)}${serverSaid(f)}`,
    };
  }
  return null;
}

function timeoutDiagnosis(f: Facts): SmtpDiagnosis | null {
  if (f.code !== 'ETIMEDOUT' && f.originalCode !== 'ETIMEDOUT' && !f.timeoutType) return null;
  switch (f.timeoutType) {
    case 'GREETING_TIMEOUT':
      return {
        kind: 'timeout',
        message: `The mail server accepted the connection but never answered. This usually means the security setting does not match the port. ${PORT_ADVICE}`,
      };
    case 'UPGRADE_TIMEOUT':
      return { kind: 'timeout', message: `The mail server did not finish setting up encryption in time. ${PORT_ADVICE}` };
    case 'SOCKET_TIMEOUT':
      return { kind: 'timeout', message: 'The mail server stopped responding in the middle of sending. Please try again in a few minutes.' };
    default:
      return {
        kind: 'timeout',
        message: 'The mail server did not answer in time. Check the server name and port; some networks (public Wi-Fi, ' + 'some internet providers) block outgoing email ports.',
      };
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'ENODATA', 'ESERVFAIL']);

function networkDiagnosis(f: Facts): SmtpDiagnosis | null {
  if (f.code === 'EDNS' || DNS_CODES.has(f.originalCode) || DNS_CODES.has(f.code)) {
    const offline = f.originalCode === 'EAI_AGAIN' || f.code === 'EAI_AGAIN';
    return {
      kind: 'host-unknown',
      message: offline
        ? 'The mail server’s name could not be looked up. Check that this computer is connected to the internet.'
        : 'The mail server’s name was not found. Check the server name for typos (for example smtp.gmail.com).',
    };
  }
  const sys = f.originalCode || f.code;
  if (sys === 'ECONNREFUSED') {
    return {
      kind: 'connection',
      message: 'The mail server refused the connection on this port. Check the port number (usually 587 or 465).',
    };
  }
  if (sys === 'EHOSTUNREACH' || sys === 'ENETUNREACH' || sys === 'ENETDOWN') {
    return { kind: 'connection', message: 'The mail server could not be reached. Check that this computer is connected to the internet.' };
  }
  if (f.responseCode === 421) {
    return { kind: 'connection', message: `The mail server is busy or temporarily refusing connections. Please try again later.${serverSaid(f)}` };
  }
  if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || sys === 'ECONNRESET' || sys === 'EPIPE') {
    return {
      kind: 'connection',
      message: `The connection to the mail server was cut off. Check the port and security setting and try again. ${PORT_ADVICE}`,
    };
  }
  return null;
}

/** RFC 5321 §4.2.1 / RFC 3463: a 4yz reply, or an enhanced status 4.x.x, asks to try again later. */
export function isTransientReply(f: { responseCode: number; response: string }): boolean {
  if (f.responseCode >= 500) return false;
  return (f.responseCode >= 400 && f.responseCode < 500) || /(^|\s|-)4\.\d{1,3}\.\d{1,3}\b/.test(f.response);
}

function envelopeDiagnosis(f: Facts): SmtpDiagnosis | null {
  const all = `${f.message} ${f.response}`;
  if (isTransientReply(f) && !/quota|limit exceeded|sending limit|too many (messages|emails)/i.test(all)) {
    // Greylisting, a full mailbox, a busy server: nothing is wrong with the address; waiting helps.
    return {
      kind: 'deferred',
      message: `The mail server asked to try again later (common with a first message to an address). Sneaky Klaus tries again by itself.${serverSaid(f)}`,
    };
  }
  if (f.responseCode >= 400 && /quota|limit exceeded|sending limit|too many (messages|emails)/i.test(all)) {
    return {
      kind: 'sender-rejected',
      message: `Your email account has reached its sending limit for now. Wait a few hours (often until tomorrow), then resend.${serverSaid(f)}`,
    };
  }
  const sender = f.command === 'MAIL FROM' || /invalid sender|SendAsDenied|send as this sender/i.test(all);
  if (sender) {
    return {
      kind: 'sender-rejected',
      message: `The mail server refused the sender address. The "From" address usually has to be the same as the account you sign in with.${serverSaid(f)}`,
    };
  }
  if (f.command === 'RCPT TO' || /no recipients defined|invalid recipient/i.test(f.message)) {
    return {
      kind: 'recipient-rejected',
      message: `The mail server refused the recipient’s address. Check it for typos: the mailbox may not exist.${serverSaid(f)}`,
    };
  }
  if (f.command === 'DATA' || f.code === 'EMESSAGE') {
    return {
      kind: 'unknown',
      message: `The mail server refused the message itself (it may have looked like spam to it).${serverSaid(f)}`,
    };
  }
  return null;
}

/** Turns a nodemailer (or any) error into a kind and a sentence the organizer can act on. */
export function diagnoseSmtpError(error: unknown, presetId?: string): SmtpDiagnosis {
  return diagnoseFacts(readFacts(error), presetId);
}

const CONNECTION_KINDS: ReadonlySet<SmtpErrorKind> = new Set(['connection', 'timeout', 'host-unknown', 'deferred']);

/**
 * Temporary (retry with backoff) or permanent (the organizer must act), as RFC 5321/3463 say:
 * every 4xx reply or enhanced 4.x.x status at any stage, and every failure to connect or to hear
 * back, is temporary; a 5xx reply is permanent.
 */
export function classifySmtpError(error: unknown, presetId?: string): SmtpDiagnosis & { temporary: boolean } {
  const f = readFacts(error);
  const diagnosis = diagnoseFacts(f, presetId);
  const temporary = f.responseCode < 500 && (isTransientReply(f) || CONNECTION_KINDS.has(diagnosis.kind));
  return { ...diagnosis, temporary };
}

function diagnoseFacts(f: Facts, presetId: string | undefined): SmtpDiagnosis {
  const found = tlsDiagnosis(f) ?? authDiagnosis(f, presetId) ?? timeoutDiagnosis(f) ?? networkDiagnosis(f) ?? envelopeDiagnosis(f);
  if (found) return found;
  if (f.code === 'EPROTOCOL') {
    return {
      kind: 'unknown',
      message: 'The server did not answer like an email (SMTP) server. Check the server name and port of your provider’s outgoing mail server.',
    };
  }
  const detail = firstLine(f.message);
  return {
    kind: 'unknown',
    message: detail ? `Sending failed: ${detail}${/[.!?]$/.test(detail) ? '' : '.'}` : 'Sending failed for an unknown reason.',
  };
}
