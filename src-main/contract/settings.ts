import { z } from 'zod';
import { Currency, EmailInput, LocaleSchema, PersonName, ReminderDays, TimeZone } from './common';
import { say } from './say';
import { isPublicBaseUrl, publicUrlWithoutCredentials, publicUrlWithoutPath, SIGNUP_NOTICE_CHOICES } from './values';

const Notifications = z.object({ registrations: z.boolean(), draws: z.boolean(), failures: z.boolean() });

export { SIGNUP_NOTICE_CHOICES } from './values';
export const SignupNotices = z.enum(SIGNUP_NOTICE_CHOICES, { error: say('error.contract.signupNotices') });

/** The organizer's screens: a language, or `auto` (the computer's). */
export const OrganizerLanguage = z.union([z.literal('auto'), LocaleSchema], { error: say('error.contract.organizerLanguage') });

export const SettingsView = z.object({
  organizer: z.object({ name: z.string(), email: z.string() }).nullable(),
  timezone: z.string(),
  currency: z.string(),
  reminderDays: z.array(z.number()),
  retentionDays: z.number(),
  /** Read as null when a stored value breaks a rule the form now has (isPublicBaseUrl). */
  publicBaseUrl: z.string().refine(isPublicBaseUrl).nullable(),
  setupComplete: z.boolean(),
  /** Desktop only: start with the computer. */
  launchAtLogin: z.boolean(),
  /** Desktop notifications. */
  notifications: Notifications,
  /** Emails about sign-ups: one each, or one digest a day. */
  signupNotices: SignupNotices,
  /** The organizer's choice of language for their screens, tray and notifications. */
  language: OrganizerLanguage,
  /** Not stored: the language in effect (the choice, or the computer's for `auto`). New exchanges start in it. */
  locale: LocaleSchema,
  /** Not stored: the computer's language (the closest of ours; English when none is). */
  systemLocale: LocaleSchema,
});

export const UpdateSettingsInput = z.object({
  organizer: z.object({ name: PersonName, email: EmailInput }).optional(),
  timezone: TimeZone.optional(),
  currency: Currency.optional(),
  reminderDays: ReminderDays.optional(),
  retentionDays: z.number().int().min(7, say('error.contract.retentionMin')).max(365, say('error.contract.retentionMax')).optional(),
  /**
   * The address participants' links use (a tunnel such as https://santa.example.net); null = LAN
   * address. Only scheme, host and port: links add their own path (the site serves /auth/…, not
   * /santa/auth/…), and a user name or password would be in every email.
   */
  publicBaseUrl: z
    .url({ protocol: /^https?$/, error: say('error.contract.publicUrl') })
    .refine(publicUrlWithoutPath, say('error.contract.publicUrlPath'))
    .refine(publicUrlWithoutCredentials, say('error.contract.publicUrlCredentials'))
    .nullable()
    .optional(),
  setupComplete: z.boolean().optional(),
  launchAtLogin: z.boolean().optional(),
  notifications: Notifications.partial().optional(),
  signupNotices: SignupNotices.optional(),
  language: OrganizerLanguage.optional(),
});

export const AppInfoView = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  participantUrls: z.array(z.string()),
  schemaVersion: z.number(),
});
