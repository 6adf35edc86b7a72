import type { ExchangeState } from './exchange-state';
import type { DrawMethod } from './matching/types';
import type { Delivery } from '../contract/participants';
import type { Locale } from '../i18n';

export type MatchMode = 'single-loop' | 'no-mutual' | 'any';

/** When participants learn who their Santa was. */
export type SantaReveal = 'never' | 'after_party' | 'manual';

/** Domain objects: what repositories return and services work with. Instants are epoch ms UTC. */
export interface Exchange {
  id: number;
  name: string;
  description: string;
  location: string;
  budget: { amount: string; currency: string } | null;
  maxParticipants: number | null;
  registrationDeadlineAt: number | null;
  exchangeAt: number;
  timezone: string;
  reminderDays: number[];
  matchMode: MatchMode;
  /** Giftees per person: everyone gives this many gifts and receives this many (1, 2 or 3). */
  giftsPerPerson: number;
  /** The exchange's language: its pages, and emails to people who chose none. */
  locale: Locale;
  avoidPastExchanges: number;
  previousExchangeId: number | null;
  inviteCode: string;
  state: ExchangeState;
  drawnAt: number | null;
  /** How the current draw was sampled (core/matching DrawMethod); null until drawn. */
  drawMethod: DrawMethod | null;
  /** Random, made once; pair-history rows carry a keyed hash of it (never the name or the id). */
  historyKey: string;
  revealedAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  purgeWarnedAt: number | null;
  createdAt: number;
  updatedAt: number;
  santaReveal: SantaReveal;
  /** An email tells each participant who their Santa was, when it is revealed. */
  santaRevealEmail: boolean;
  /** When the organizer pressed "Reveal to everyone" (manual mode); null until then. */
  santasRevealedAt: number | null;
}

export interface Participant {
  id: number;
  exchangeId: number;
  name: string;
  /** '' when they have no email (see `delivery`). */
  email: string;
  delivery: Delivery;
  /** For `delivered`: who passes their link on. */
  deliveredBy: number | null;
  /** Their own language; null = the exchange's (`languageOf` in core/language.ts). */
  locale: Locale | null;
  giftIdeas: string;
  remindersEnabled: boolean;
  isOrganizer: boolean;
  emailConfirmedAt: number | null;
  assignmentViewedAt: number | null;
  withdrawnAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** When they signed up themselves with the invite link; null when the organizer added them. */
  registeredAt: number | null;
}
