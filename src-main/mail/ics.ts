import { createRequire } from 'node:module';
import type * as Ics from 'ics';
import type { EventAttributes } from 'ics';
import { translator, type Locale, type Translator } from '../i18n';
import { formatBudget, multiLine, oneLine } from './templates/format';
import type { ExchangeInfo } from './templates/types';

export interface ExchangeIcsInput {
  /** The reader's language: the event's title and description are worded in it. */
  locale: Locale;
  exchange: ExchangeInfo;
  /** Stable per exchange + participant, so a re-sent or changed match updates the same event. */
  uid: string;
  /**
   * DTSTAMP (epoch ms). Defaults to the exchange instant rather than the wall clock, so the same
   * input always renders the same bytes (the outbox may render twice).
   */
  stampAt?: number;
  /** Raise it when the event itself changes, so calendars replace the older copy. */
  sequence?: number;
  durationMinutes?: number;
  /** CANCEL removes the event from calendars that imported it (same UID, higher SEQUENCE). */
  method?: 'PUBLISH' | 'CANCEL';
}

export interface IcsAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** UID is an opaque token: keep printable ASCII without the characters iCalendar would escape. */
type IcsLibrary = typeof Ics;
let library: IcsLibrary | null = null;

/**
 * The calendar library (with its validation library) is loaded on the first attachment, not at
 * launch. It stays outside the bundle (electron.vite.config.ts) so it can be loaded this way,
 * synchronously, keeping rendering synchronous.
 */
function ics(): IcsLibrary {
  return (library ??= createRequire(import.meta.url)('ics') as IcsLibrary);
}

function cleanUid(uid: string): string {
  const cleaned = uid.replace(/[^\x21-\x7e]|[;,\\]/g, '');
  if (!cleaned) throw new Error('ics: uid is empty after cleaning');
  return cleaned;
}

function splitMinutes(total: number): { hours: number; minutes: number } {
  const minutes = Math.max(1, Math.round(total));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

function eventDescription(exchange: ExchangeInfo, t: Translator): string {
  // Neither the giftee nor the magic link goes here: calendars are often shared or synced.
  const lines = multiLine(exchange.description);
  const budget = formatBudget(t, exchange.budget);
  if (budget) lines.push('', t.t('mail.ics.budget', { budget }));
  lines.push('', t.t('mail.ics.organised'));
  return (lines[0] === '' ? lines.slice(1) : lines).join('\n');
}

/** The exchange as a one-event iCalendar (METHOD:PUBLISH, or CANCEL), times in UTC. */
export function exchangeIcs(input: ExchangeIcsInput): string {
  const { exchange } = input;
  const t = translator(input.locale);
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//Sneaky Klaus//Secret Santa//EN',
    method: input.method ?? 'PUBLISH',
    uid: cleanUid(input.uid),
    title: oneLine(t.t('mail.ics.summary', { exchange: oneLine(exchange.name) || 'Sneaky Klaus' })),
    description: eventDescription(exchange, t),
    start: exchange.exchangeAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: splitMinutes(input.durationMinutes ?? 120),
    timestamp: input.stampAt ?? exchange.exchangeAt,
    sequence: input.sequence ?? 0,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(oneLine(exchange.location) ? { location: oneLine(exchange.location) } : {}),
  };
  const { error, value } = ics().createEvent(attributes);
  if (error || !value) throw new Error(`ics: could not build the event (${error?.message ?? 'no output'})`);
  return value;
}

function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'secret-santa';
}

/** The .ics ready to attach to an email. */
export function exchangeIcsAttachment(input: ExchangeIcsInput): IcsAttachment {
  return {
    filename: `${fileSlug(input.exchange.name)}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${input.method ?? 'PUBLISH'}`,
    content: exchangeIcs(input),
  };
}
