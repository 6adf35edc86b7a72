import type { Selectable, Updateable } from 'kysely';
import { notFound } from '../../core/errors';
import type { ExchangeState } from '../../core/exchange-state';
import type { DrawMethod } from '../../core/matching/types';
import type { Exchange, MatchMode, SantaReveal } from '../../core/types';
import type { Db } from '../database';
import { DEFAULT_LOCALE, isLocale } from '../../i18n';
import type { ExchangesTable } from '../schema';

type Row = Selectable<ExchangesTable>;

export function toExchange(row: Row): Exchange {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    location: row.location,
    budget: row.budget_amount !== null && row.budget_currency !== null ? { amount: row.budget_amount, currency: row.budget_currency } : null,
    maxParticipants: row.max_participants,
    registrationDeadlineAt: row.registration_deadline_at,
    exchangeAt: row.exchange_at,
    timezone: row.timezone,
    reminderDays: JSON.parse(row.reminder_days) as number[],
    matchMode: row.match_mode as MatchMode,
    giftsPerPerson: row.gifts_per_person,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    avoidPastExchanges: row.avoid_past_exchanges,
    previousExchangeId: row.previous_exchange_id,
    inviteCode: row.invite_code,
    state: row.state as ExchangeState,
    drawnAt: row.drawn_at,
    drawMethod: row.draw_method as DrawMethod | null,
    historyKey: row.history_key,
    revealedAt: row.revealed_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    purgeWarnedAt: row.purge_warned_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    santaReveal: row.santa_reveal as SantaReveal,
    santaRevealEmail: row.santa_reveal_email === 1,
    santasRevealedAt: row.santas_revealed_at,
  };
}

/** Domain fields → column values, for inserts and partial updates. */
export function exchangeColumns(fields: Partial<Exchange>): Updateable<ExchangesTable> {
  const columns: Updateable<ExchangesTable> = {};
  const set = <K extends keyof ExchangesTable>(key: K, value: Updateable<ExchangesTable>[K]) => {
    columns[key] = value;
  };
  if (fields.name !== undefined) set('name', fields.name);
  if (fields.description !== undefined) set('description', fields.description);
  if (fields.location !== undefined) set('location', fields.location);
  if (fields.budget !== undefined) {
    set('budget_amount', fields.budget?.amount ?? null);
    set('budget_currency', fields.budget?.currency ?? null);
  }
  if (fields.maxParticipants !== undefined) set('max_participants', fields.maxParticipants);
  if (fields.registrationDeadlineAt !== undefined) set('registration_deadline_at', fields.registrationDeadlineAt);
  if (fields.exchangeAt !== undefined) set('exchange_at', fields.exchangeAt);
  if (fields.timezone !== undefined) set('timezone', fields.timezone);
  if (fields.reminderDays !== undefined) set('reminder_days', JSON.stringify(fields.reminderDays));
  if (fields.matchMode !== undefined) set('match_mode', fields.matchMode);
  if (fields.giftsPerPerson !== undefined) set('gifts_per_person', fields.giftsPerPerson);
  if (fields.locale !== undefined) set('locale', fields.locale);
  if (fields.avoidPastExchanges !== undefined) set('avoid_past_exchanges', fields.avoidPastExchanges);
  if (fields.previousExchangeId !== undefined) set('previous_exchange_id', fields.previousExchangeId);
  if (fields.inviteCode !== undefined) set('invite_code', fields.inviteCode);
  if (fields.state !== undefined) set('state', fields.state);
  if (fields.drawnAt !== undefined) set('drawn_at', fields.drawnAt);
  if (fields.drawMethod !== undefined) set('draw_method', fields.drawMethod);
  if (fields.historyKey !== undefined) set('history_key', fields.historyKey);
  if (fields.revealedAt !== undefined) set('revealed_at', fields.revealedAt);
  if (fields.completedAt !== undefined) set('completed_at', fields.completedAt);
  if (fields.cancelledAt !== undefined) set('cancelled_at', fields.cancelledAt);
  if (fields.purgeWarnedAt !== undefined) set('purge_warned_at', fields.purgeWarnedAt);
  if (fields.createdAt !== undefined) set('created_at', fields.createdAt);
  if (fields.updatedAt !== undefined) set('updated_at', fields.updatedAt);
  if (fields.santaReveal !== undefined) set('santa_reveal', fields.santaReveal);
  if (fields.santaRevealEmail !== undefined) set('santa_reveal_email', fields.santaRevealEmail ? 1 : 0);
  if (fields.santasRevealedAt !== undefined) set('santas_revealed_at', fields.santasRevealedAt);
  return columns;
}

export function insertExchange(db: Db, exchange: Omit<Exchange, 'id'>): number {
  const columns = exchangeColumns(exchange) as Required<Omit<Updateable<ExchangesTable>, 'id'>>;
  return db.run(db.q.insertInto('exchanges').values(columns)).lastInsertRowid;
}

export function findExchange(db: Db, id: number): Exchange | undefined {
  const row = db.first(db.q.selectFrom('exchanges').selectAll().where('id', '=', id));
  return row && toExchange(row);
}

export function getExchange(db: Db, id: number): Exchange {
  const exchange = findExchange(db, id);
  if (!exchange) throw notFound('exchange');
  return exchange;
}

export function findExchangeByInviteCode(db: Db, code: string): Exchange | undefined {
  const row = db.first(db.q.selectFrom('exchanges').selectAll().where('invite_code', '=', code));
  return row && toExchange(row);
}

export function listExchanges(db: Db): Exchange[] {
  return db.all(db.q.selectFrom('exchanges').selectAll().orderBy('exchange_at', 'desc').orderBy('id', 'desc')).map(toExchange);
}

export function updateExchange(db: Db, id: number, fields: Partial<Exchange>): void {
  const columns = exchangeColumns(fields);
  if (Object.keys(columns).length === 0) return;
  db.run(db.q.updateTable('exchanges').set(columns).where('id', '=', id));
}

export function deleteExchange(db: Db, id: number): void {
  db.run(db.q.deleteFrom('exchanges').where('id', '=', id));
}

/** Non-withdrawn participants per exchange. */
export function activeParticipantCounts(db: Db): Map<number, number> {
  const rows = db.all(
    db.q
      .selectFrom('participants')
      .select(['exchange_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('withdrawn_at', 'is', null)
      .groupBy('exchange_id'),
  );
  return new Map(rows.map((row) => [row.exchange_id, row.n]));
}

/** Non-withdrawn participants of one exchange. */
export function activeParticipantCount(db: Db, exchangeId: number): number {
  return (
    db.first(
      db.q
        .selectFrom('participants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('exchange_id', '=', exchangeId)
        .where('withdrawn_at', 'is', null),
    )?.n ?? 0
  );
}
