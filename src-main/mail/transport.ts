import type { Transporter } from 'nodemailer';
import type { SmtpSecurity } from './presets';

/** What the relay hands to SMTP; everything but the envelope comes from the outbox row. */
export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

/** The port the relay and the "send test email" use; tests plug a real nodemailer into a local sink. */
export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** `none` is for a relay on the local network only (no encryption, the password would go in clear). */
  security: SmtpSecurity | 'none';
  username: string;
  password: string | null;
  maxConnections: number;
  /** Tests against a local sink with a self-signed certificate. Never set from the UI. */
  allowSelfSigned?: boolean;
}

/** nodemailer has no retries and minutes-long defaults: bound every phase, so a dead server delays a send by seconds, not minutes. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** The overall deadline for one message, after which it counts as a transient failure. */
export const SEND_DEADLINE_MS = 60_000;

/**
 * `deadlineMs` replaces SEND_DEADLINE_MS (tests shorten it). nodemailer is loaded on the first
 * send, not at launch: most launches send nothing, and it is the largest module of the app.
 */
export function smtpTransport(config: SmtpConfig, options: { pooled: boolean; deadlineMs?: number }): MailTransport {
  let transporter: Promise<Transporter> | null = null;
  let closed = false;
  const ready = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.security === 'tls',
        requireTLS: config.security === 'starttls',
        ignoreTLS: config.security === 'none',
        ...(config.username && { auth: { user: config.username, pass: config.password ?? '' } }),
        ...SMTP_TIMEOUTS,
        ...(options.pooled ? { pool: true, maxConnections: config.maxConnections, maxMessages: 100 } : {}),
        ...(config.allowSelfSigned && { tls: { rejectUnauthorized: false } }),
        disableFileAccess: true,
        disableUrlAccess: true,
      }),
    ));
  return {
    async send(message) {
      // As nodemailer's own pool answers a send after close().
      if (closed && options.pooled) throw Object.assign(new Error('Connection pool was closed'), { code: 'ECONNECTION' });
      const smtp = await ready();
      let timer: NodeJS.Timeout | undefined;
      const abort = new AbortController();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(Object.assign(new Error('The mail server did not finish in time.'), { code: 'ETIMEDOUT' }));
          // Withdraw the message from the pool's queue (or close its connection): left there, it
          // would still go out after the relay had scheduled a retry, and arrive twice.
          abort.abort();
        }, options.deadlineMs ?? SEND_DEADLINE_MS);
      });
      try {
        await Promise.race([
          smtp.sendMail({
            from: message.from,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            messageId: message.messageId,
            attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
            headers: { 'Auto-Submitted': 'auto-generated' },
            signal: abort.signal,
          }),
          deadline,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closed = true;
      void transporter?.then((smtp) => smtp.close());
    },
  };
}
