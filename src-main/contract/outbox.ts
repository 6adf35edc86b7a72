import { z } from 'zod';
import { Id } from './common';
import { say } from './say';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

export const ListOutboxInput = z
  .object({
    status: z.enum(OUTBOX_STATUSES).optional(),
    exchangeId: Id.optional(),
    kind: z.string().max(40).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ limit: 200 });

/** `preview`: no SMTP configured yet, so the message waits here and its links can be copied. */
export const OutboxDisplayStatus = z.enum(['preview', 'queued', 'sending', 'sent', 'failed', 'cancelled']);

export const OutboxItemView = z.object({
  id: Id,
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  exchangeId: z.number().nullable(),
  status: OutboxDisplayStatus,
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  /** Set while a temporary failure waits for its retry: "will retry at 14:05". */
  retryAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** Why the message was withdrawn instead of sent (its reason was gone by sending time). */
  withdrawnReason: z.string().nullable(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
});

export const OutboxMessageView = OutboxItemView.extend({
  text: z.string(),
  html: z.string(),
  messageId: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  /** Every http(s) link in the message, for copying into a chat. */
  links: z.array(z.string()),
  /** True when text and html were withheld because they name a giftee (blind organizer). */
  hidden: z.boolean(),
  /** Rendered now, the message would be withdrawn for this reason (null: it would go out). */
  wouldWithdraw: z.string().nullable(),
});

/** Something the organizer must see on screen (and in the tray), whether or not mail can go out. */
export const MailNoticeView = z.object({
  kind: z.enum(['purge-warning', 'links-moved']),
  exchangeId: z.number().nullable(),
  message: z.string(),
  at: z.number(),
  /** For links-moved: the people who can be sent a fresh link. */
  participantIds: z.array(z.number()),
});

export const OutboxStatusView = z.object({
  smtpConfigured: z.boolean(),
  paused: z.boolean(),
  notices: z.array(MailNoticeView),
  counts: z.object({ preview: z.number(), queued: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), cancelled: z.number() }),
});

export const OutboxRef = z.object({ id: Id });
export const ReadMessageInput = z.object({
  id: Id,
  /** Match, changed-match and reminder emails name the giftee: their text is sent only when asked. */
  showPrivate: z.boolean().default(false),
  /** With showPrivate, for an email that names a giftee: a break-glass, recorded and told to its recipient. */
  confirm: z.boolean().default(false),
});
export const PauseInput = z.object({ paused: z.boolean({ error: say('error.contract.paused') }) });

export const SmtpSecuritySchema = z.enum(['tls', 'starttls', 'none'], { error: say('error.contract.smtpSecurity') });

export const SmtpSettingsView = z.object({
  configured: z.boolean(),
  presetId: z.string(),
  host: z.string(),
  port: z.number(),
  security: SmtpSecuritySchema,
  username: z.string(),
  fromName: z.string(),
  fromAddress: z.string(),
  maxConnections: z.number(),
  /** Whether a password is stored (it is never returned). */
  hasPassword: z.boolean(),
  /** Where the password lives, in words ("environment variable SNEAKY_KLAUS_SMTP_PASSWORD"). */
  passwordStore: z.string(),
  presets: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      host: z.string(),
      port: z.number(),
      security: z.string(),
      appPasswordNeeded: z.boolean(),
      hint: z.string(),
      appPasswordUrl: z.string().nullable(),
    }),
  ),
});

export const SetSmtpInput = z.object({
  presetId: z.enum(['gmail', 'outlook', 'icloud', 'fastmail', 'yahoo', 'custom'], { error: say('error.contract.smtpPreset') }),
  host: z
    .string()
    .trim()
    .min(1, say('error.contract.smtpHost'))
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$/, say('error.contract.smtpHostChars')),
  port: z
    .number({ error: say('error.contract.port') })
    .int()
    .min(1, say('error.contract.portRange'))
    .max(65535, say('error.contract.portRange')),
  security: SmtpSecuritySchema,
  username: z.string().trim().max(320),
  /** Omit to keep the stored password; empty string removes it. */
  password: z.string().max(1000).optional(),
  fromName: z
    .string()
    .trim()
    .max(100)
    .refine((v) => !/[\r\n"<>]/.test(v), say('error.contract.fromName')),
  fromAddress: z.string().max(320),
  maxConnections: z.number().int().min(1).max(10).default(3),
});

export const TestSmtpInput = z.object({ to: z.string().max(320).optional() }).default({});
export const TestSmtpResult = z.object({
  ok: z.boolean(),
  kind: z.string(),
  message: z.string(),
});
