import { z } from 'zod';
import { Id } from './common';
import { say } from './say';

/** A link with its QR code (SVG markup) for printing or showing on a screen. */
export const LinkView = z.object({ url: z.string(), qrSvg: z.string(), expiresAt: z.number().nullable() });

export const ImportInput = z.object({
  exchangeId: Id,
  /** CSV text with a header row: name, email and optionally gift ideas, reminders (yes/no), withdrawn (yes rows are skipped). */
  csv: z.string().max(2 * 1024 * 1024, say('error.contract.csvTooLarge')),
  /** true: only check and preview; false: add the good rows (all or nothing if any row is bad). */
  dryRun: z.boolean().default(true),
});
export const ImportView = z.object({
  rows: z.array(
    z.object({
      line: z.number(),
      name: z.string(),
      email: z.string(),
      giftIdeas: z.string(),
      /** Why the row cannot be added (the same words participants.add would use). */
      error: z.string().nullable(),
      /** Present when a row is left out without being wrong, e.g. it is marked withdrawn. */
      note: z.string().optional(),
    }),
  ),
  added: z.number(),
});
export const ExportView = z.object({ filename: z.string(), csv: z.string() });

export const NetworkView = z.object({
  lanAddresses: z.array(z.string()),
  participantUrls: z.array(z.string()),
  publicBaseUrl: z.string().nullable(),
  /** The base every emailed link uses right now. */
  linkBase: z.string(),
  tunnel: z.object({ available: z.boolean(), running: z.boolean(), url: z.string().nullable(), error: z.string().nullable() }),
});

export const BackupView = z.object({ name: z.string(), sizeBytes: z.number(), createdAt: z.number(), reason: z.string() });
export const RestoreInput = z.object({
  name: z.string().regex(/^sneaky-klaus-[a-z-]+-\d{8}T\d{6}Z\.sqlite3$/, say('error.contract.backupName')),
  confirm: z.literal(true, { error: say('error.contract.confirmRestore') }),
});
export const RestoreView = z.object({ pending: z.literal(true), message: z.string() });
