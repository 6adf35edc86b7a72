import type { Exchange, Participant } from '../../core/types';
import type { Locale } from '../../i18n';
import type { ExchangeInfo } from '../../mail/templates';

export const exchangeInfo = (e: Exchange): ExchangeInfo => ({
  name: e.name,
  description: e.description,
  exchangeAt: e.exchangeAt,
  timezone: e.timezone,
  location: e.location,
  budget: e.budget,
});

/** A participant's language: their own choice, else the exchange's. Read when the email is rendered. */
export const participantLocale = (exchange: Exchange, person: Pick<Participant, 'locale'>): Locale => person.locale ?? exchange.locale;

/** The calendar UID of one person's event: stable, so updates and cancellations move the same event. */
export const eventUid = (exchangeId: number, participantId: number): string => `exchange-${exchangeId}-participant-${participantId}@sneaky-klaus`;
