import type { Exchange } from '../../core/types';
import type { ExchangeInfo } from '../../mail/templates';

export const exchangeInfo = (e: Exchange): ExchangeInfo => ({
  name: e.name,
  description: e.description,
  exchangeAt: e.exchangeAt,
  timezone: e.timezone,
  location: e.location,
  budget: e.budget,
});

/** The calendar UID of one person's event: stable, so updates and cancellations move the same event. */
export const eventUid = (exchangeId: number, participantId: number): string => `exchange-${exchangeId}-participant-${participantId}@sneaky-klaus`;
