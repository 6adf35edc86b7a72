import type { Text } from '../i18n/translate';

/**
 * The contract's plain values: limits, names of states and fields, the person-name rule. No
 * schemas here, so the participants' side (loaded at launch) uses them without loading zod; the
 * schema files build on them and re-export them.
 */

/**
 * The one source of field limits: the API, the participants' pages, the CSV import and the
 * organizer's screens all read these.
 */
export const LIMITS = { name: 100, email: 255, giftIdeas: 2000 } as const;

export const MATCH_MODES = ['single-loop', 'no-mutual', 'any'] as const;

/** How a draw was sampled (core/matching DrawMethod; docs/matching.md says what each guarantees). */
export const DRAW_METHODS = ['exact-rejection', 'exact-count', 'markov-chain', 'unmixed'] as const;

/** The exchange's life cycle. `purged` is not a stored state: a purged exchange's rows are gone. */
export const EXCHANGE_STATES = ['draft', 'registration_open', 'registration_closed', 'matched', 'completed', 'cancelled'] as const;

/** The fields `exchanges.update` can change (each has its schema in ./exchanges.ts); the exchange view says which of them can change now. */
export const EXCHANGE_FIELDS = [
  'name',
  'description',
  'location',
  'budget',
  'maxParticipants',
  'registrationDeadline',
  'exchangeAt',
  'timezone',
  'reminderDays',
  'matchMode',
  'giftsPerPerson',
  'avoidPastExchanges',
  'previousExchangeId',
  'santaReveal',
  'santaRevealEmail',
  'locale',
] as const;
export type ExchangeField = (typeof EXCHANGE_FIELDS)[number];

export const JOB_NAME_LIST = ['reminders', 'auto-complete', 'data-purge', 'token-cleanup', 'session-cleanup', 'rate-limit-cleanup', 'registration-close', 'signup-digest'] as const;

/** How the organizer hears of sign-ups: one email each (at once), or one daily digest. */
export const SIGNUP_NOTICE_CHOICES = ['each', 'daily'] as const;

/**
 * Between a Santa and their giftee (issue #19): messages and addresses are written on the
 * participant pages only.
 */
export const BETWEEN_LIMITS = {
  /** Characters in one message. */
  message: 1000,
  /** Characters in a postal address. */
  address: 400,
} as const;

/**
 * Line breaks of every kind, other C0/C1 controls (NUL, U+0085…) and the bidirectional overrides
 * that make a name read differently from how it sorts. Names end up in emails, CSV files and
 * headers, where any of these can split or disguise a line.
 */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
const UNSAFE_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/**
 * The one rule for a person's name, wherever it enters (API and IPC through `PersonName`, the
 * registration form, the CSV import): NFC, trimmed, runs of spaces made one, and no control
 * characters. It lives in the contract because the contract may import nothing else; the core and
 * the services use it from here.
 */
export function normalisePersonName(raw: string): { ok: true; name: string } | { ok: false; text: Text } {
  // Far beyond any real name: refused before normalising so a huge input costs nothing.
  const tooLong: Text = { key: 'error.contract.nameLong', values: { max: LIMITS.name } };
  if (raw.length > LIMITS.name * 4) return { ok: false, text: tooLong };
  const trimmed = raw.normalize('NFC').trim();
  if (LINE_BREAK.test(trimmed)) return { ok: false, text: { key: 'error.contract.nameOneLine' } };
  if (UNSAFE_IN_NAME.test(trimmed)) return { ok: false, text: { key: 'error.contract.nameControl' } };
  const name = trimmed.replace(/\s+/gu, ' ');
  if (name.length === 0) return { ok: false, text: { key: 'error.contract.nameMissing' } };
  if (name.length > LIMITS.name) return { ok: false, text: tooLong };
  return { ok: true, name };
}

/**
 * One person in an exchange is a (name, address) pair: a family may share one address (issue #18).
 * Names compare without case, so "Mia" and "mia" at one address are the same person.
 */
export function personKey(name: string, email: string): string {
  return `${name.toLocaleLowerCase('en')}\u0000${email}`;
}

/** A public address's parts, or null when it is not an http(s) URL at all. */
function publicUrlParts(url: string): URL | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

const hasNoPath = (url: string, parsed: URL | null): boolean => !/[?#]/.test(url) && /^\/*$/.test(parsed?.pathname ?? '/');
const hasNoCredentials = (parsed: URL | null): boolean => !parsed?.username && !parsed?.password;

/** No path, query or fragment: links add their own path (the site serves /auth/…, not /santa/auth/…). */
export const publicUrlWithoutPath = (url: string): boolean => hasNoPath(url, publicUrlParts(url));

/** No user name or password: they would be in every email. */
export const publicUrlWithoutCredentials = (url: string): boolean => hasNoCredentials(publicUrlParts(url));

/**
 * Whether a public address (`publicBaseUrl`) is one links may be built on: http(s), scheme, host
 * and port only. The settings form refuses anything else with a message per rule; a value stored
 * before a rule existed is read as no public address (the LAN address is used), never put in links.
 */
export function isPublicBaseUrl(url: string): boolean {
  const parsed = publicUrlParts(url);
  return parsed !== null && hasNoPath(url, parsed) && hasNoCredentials(parsed);
}
