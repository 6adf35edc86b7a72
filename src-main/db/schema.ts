import type { Generated } from 'kysely';

/** Row types as stored. They never leave src-main/db: repositories map them to domain objects. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface ExchangesTable {
  id: Generated<number>;
  name: string;
  description: string;
  location: string;
  budget_amount: string | null;
  budget_currency: string | null;
  max_participants: number | null;
  registration_deadline_at: number | null;
  exchange_at: number;
  timezone: string;
  reminder_days: string;
  match_mode: string;
  /** Giftees per person: 1, 2 or 3 (migration 0010). */
  gifts_per_person: Generated<number>;
  /** The exchange's language: its pages, and emails to people who chose none (migration 0011). */
  locale: Generated<string>;
  /** How many earlier exchanges of this organizer count as history to avoid; 0 = none. */
  avoid_past_exchanges: number;
  previous_exchange_id: number | null;
  /** How the current draw was sampled (core/matching DrawMethod); null until drawn. */
  draw_method: string | null;
  /** Random, made anew by each re-draw: identifies the exchange's pair-history rows (as a keyed hash) after a purge. */
  history_key: string;
  /** The number of the draw whose `matches` rows count (migration 0013): a re-draw writes the next beside it. */
  match_draw: Generated<number>;
  invite_code: string;
  state: string;
  drawn_at: number | null;
  revealed_at: number | null;
  completed_at: number | null;
  cancelled_at: number | null;
  purge_warned_at: number | null;
  created_at: number;
  updated_at: number;
  /** When participants learn who their Santa was: 'never' | 'after_party' | 'manual'. */
  santa_reveal: Generated<string>;
  /** 1: an email tells each participant when it is revealed. */
  santa_reveal_email: Generated<number>;
  /** When the organizer pressed "Reveal to everyone" (manual mode). */
  santas_revealed_at: number | null;
}

export interface ParticipantsTable {
  id: Generated<number>;
  exchange_id: number;
  name: string;
  email: string;
  gift_ideas: string;
  reminders_enabled: number;
  is_organizer: number;
  email_confirmed_at: number | null;
  assignment_viewed_at: number | null;
  withdrawn_at: number | null;
  created_at: number;
  updated_at: number;
  /** When they signed up themselves with the invite link; null when the organizer added them. */
  registered_at: number | null;
  /** When the organizer was told of the sign-up (its own notice or a daily digest). */
  signup_reported_at: number | null;
  /** How they learn their giftee: email | card | in_person | delivered (migration 0008). */
  delivery: Generated<string>;
  /** For `delivered`: the participant who is emailed a link to pass on. */
  delivered_by: number | null;
  /** Their own language; null = the exchange's (migration 0011). */
  locale: string | null;
}

export interface ExclusionsTable {
  id: Generated<number>;
  exchange_id: number;
  giver_id: number;
  receiver_id: number;
  kind: string;
  created_at: number;
}

export interface HouseholdsTable {
  id: Generated<number>;
  exchange_id: number;
  name: string;
  created_at: number;
}

export interface HouseholdMembersTable {
  household_id: number;
  participant_id: number;
}

export interface MustDrawPairsTable {
  id: Generated<number>;
  exchange_id: number;
  giver_id: number;
  receiver_id: number;
  created_at: number;
}

export interface MatchesTable {
  exchange_id: number;
  giver_id: number;
  receiver_id: number;
  /** The pair's round, 0..k-1 with k giftees each: every round is a one-giftee draw (single loop: loop j). */
  slot: Generated<number>;
  created_at: number;
  /** Which draw of the exchange the row belongs to; only `exchanges.match_draw`'s rows count (see currentDraw). */
  draw: Generated<number>;
}

/** A pair-history key whose rows no draw uses: a re-draw's being written, or a replaced draw's being removed. */
export interface PairHistoryHiddenTable {
  exchange_key: string;
  /**
   * The exchange whose draw wrote them. No reference: the rows outlive a deleted exchange until
   * swept (SQLite may give its id to a new exchange; a sweep only removes rows no draw uses).
   */
  exchange_id: number;
  created_at: number;
}

export interface PairHistoryTable {
  id: Generated<number>;
  giver_hash: string;
  receiver_hash: string;
  /** The exchange's local year, to describe a purged exchange ("an exchange of 2024"). */
  year: number;
  /** Opaque keyed hash of the exchange (never a name); `year:<y>` for rows older than migration 0005. */
  exchange_key: string;
  /** When that exchange took place: orders "the last N exchanges" after it is purged. */
  exchange_at: number;
  created_at: number;
}

export interface MagicTokensTable {
  id: Generated<number>;
  token_hash: string;
  participant_id: number;
  purpose: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** JSON of the profile a withdrawn address asked to rejoin with; applied when the link is used. */
  pending_profile: string | null;
}

export interface OrganizerAccessTable {
  id: Generated<number>;
  exchange_id: number;
  /** null: every participant of the exchange (the reveal). */
  participant_id: number | null;
  action: string;
  created_at: number;
}

export interface SessionsTable {
  id: Generated<number>;
  session_hash: string;
  kind: string;
  participant_id: number | null;
  csrf_secret: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  max_expires_at: number;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_started_at: number;
  expires_at: number;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  message_id: string;
  exchange_id: number | null;
  participant_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  /** Which draw (or splice) a match email belongs to. */
  generation: string | null;
  /** JSON: what the message is about beyond its kind and ids (e.g. the reminder's day). */
  params: Generated<string>;
  withdrawn_reason: string | null;
  /** When a failure of this message went into a notice to the organizer. */
  reported_at: number | null;
}

export interface ExchangeMailStateTable {
  exchange_id: number;
  ics_sequence: number;
}

export interface JobStateTable {
  job_key: string;
  job: string;
  exchange_id: number | null;
  due_at: number | null;
  last_run_at: number | null;
  last_outcome: string | null;
  updated_at: number;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  job_key: string;
  exchange_id: number | null;
  scheduled_for: number | null;
  started_at: number;
  finished_at: number | null;
  outcome: string;
  counts: string;
  error: string | null;
}

/** One drawn pair's thread while the pair holds (migration 0009); never read by organizer operations. */
export interface ConversationsTable {
  id: Generated<number>;
  exchange_id: number;
  giver_id: number;
  receiver_id: number;
  created_at: number;
  /** Set when the pair no longer holds (re-draw, splice, withdrawal): read-only from then on. */
  ended_at: number | null;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  /** 1: the Santa wrote it; 0: the giftee. */
  from_giver: number;
  body: string;
  created_at: number;
}

/** A postal address only the participant's Santa sees. */
export interface PrivateAddressesTable {
  participant_id: number;
  address: string;
  in_match_email: Generated<number>;
  updated_at: number;
}

/** A "pass the phone" session of the in-person draw. */
export interface TableDrawsTable {
  id: Generated<number>;
  exchange_id: number;
  code_hash: string;
  device_hash: string | null;
  showing_participant_id: number | null;
  created_at: number;
  expires_at: number;
  closed_at: number | null;
}

/** Who has seen their giftee at the table. */
export interface TableLooksTable {
  exchange_id: number;
  participant_id: number;
  /** The giftees seen, as `gifteesKey` spells them. */
  giftees: string | null;
  looked_at: number;
}

/** A printed card; `giftee_id` only for the full style. */
export interface PrintedCardsTable {
  id: Generated<number>;
  exchange_id: number;
  participant_id: number;
  style: string;
  /** The giftees a full card shows, as `gifteesKey` spells them; null on a name-and-QR card. */
  giftees: string | null;
  printed_at: number;
  replaced_at: number | null;
}

export interface Schema {
  settings: SettingsTable;
  exchanges: ExchangesTable;
  participants: ParticipantsTable;
  exclusions: ExclusionsTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  must_draw_pairs: MustDrawPairsTable;
  matches: MatchesTable;
  pair_history: PairHistoryTable;
  pair_history_hidden: PairHistoryHiddenTable;
  magic_tokens: MagicTokensTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  email_outbox: EmailOutboxTable;
  exchange_mail_state: ExchangeMailStateTable;
  job_state: JobStateTable;
  job_runs: JobRunsTable;
  organizer_access: OrganizerAccessTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  private_addresses: PrivateAddressesTable;
  table_draws: TableDrawsTable;
  table_looks: TableLooksTable;
  printed_cards: PrintedCardsTable;
}
