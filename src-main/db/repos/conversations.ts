import type { Db } from '../database';

/**
 * Conversations between a Santa and their giftee, and their messages. Only the participant pages
 * read these (services/between): no organizer operation may, so their text never reaches the
 * organizer's screens or API.
 */
export interface Conversation {
  id: number;
  exchangeId: number;
  giverId: number;
  receiverId: number;
  createdAt: number;
  endedAt: number | null;
}

export interface Message {
  id: number;
  conversationId: number;
  /** true: the Santa wrote it; false: the giftee. */
  fromGiver: boolean;
  body: string;
  createdAt: number;
}

/** Every conversation a participant is in, on either side, oldest first. */
export function conversationsOf(db: Db, participantId: number): Conversation[] {
  return db
    .all(
      db.q
        .selectFrom('conversations')
        .select(['id', 'exchange_id', 'giver_id', 'receiver_id', 'created_at', 'ended_at'])
        .where((eb) => eb.or([eb('giver_id', '=', participantId), eb('receiver_id', '=', participantId)]))
        .orderBy('id'),
    )
    .map((r) => ({ id: r.id, exchangeId: r.exchange_id, giverId: r.giver_id, receiverId: r.receiver_id, createdAt: r.created_at, endedAt: r.ended_at }));
}

/** The messages of these conversations, oldest first. */
export function messagesOf(db: Db, conversationIds: number[]): Message[] {
  if (conversationIds.length === 0) return [];
  return db
    .all(db.q.selectFrom('messages').select(['id', 'conversation_id', 'from_giver', 'body', 'created_at']).where('conversation_id', 'in', conversationIds).orderBy('id'))
    .map((r) => ({ id: r.id, conversationId: r.conversation_id, fromGiver: r.from_giver === 1, body: r.body, createdAt: r.created_at }));
}

export function findMessage(db: Db, id: number): (Message & { conversation: Conversation }) | undefined {
  const r = db.first(
    db.q
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.id', 'm.conversation_id', 'm.from_giver', 'm.body', 'm.created_at', 'c.exchange_id', 'c.giver_id', 'c.receiver_id', 'c.created_at as c_created_at', 'c.ended_at'])
      .where('m.id', '=', id),
  );
  if (!r) return undefined;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    fromGiver: r.from_giver === 1,
    body: r.body,
    createdAt: r.created_at,
    conversation: { id: r.conversation_id, exchangeId: r.exchange_id, giverId: r.giver_id, receiverId: r.receiver_id, createdAt: r.c_created_at, endedAt: r.ended_at },
  };
}

/** The open conversation of a pair, opened now if it has none. */
export function openConversationOf(db: Db, exchangeId: number, giverId: number, receiverId: number, now: number): number {
  const found = db.first(db.q.selectFrom('conversations').select('id').where('giver_id', '=', giverId).where('receiver_id', '=', receiverId).where('ended_at', 'is', null));
  if (found) return found.id;
  return db.run(db.q.insertInto('conversations').values({ exchange_id: exchangeId, giver_id: giverId, receiver_id: receiverId, created_at: now })).lastInsertRowid;
}

export function insertMessage(db: Db, conversationId: number, fromGiver: boolean, body: string, now: number): number {
  return db.run(db.q.insertInto('messages').values({ conversation_id: conversationId, from_giver: fromGiver ? 1 : 0, body, created_at: now })).lastInsertRowid;
}

/**
 * Ends every open conversation of the exchange whose pair is no longer drawn (re-draw, splice,
 * withdrawal, undo). Returns how many ended.
 */
export function endConversationsOfBrokenPairs(db: Db, exchangeId: number, now: number): number {
  return db
    .prepared(
      `update conversations set ended_at = ? where exchange_id = ? and ended_at is null and not exists (
        select 1 from matches m where m.exchange_id = conversations.exchange_id and m.giver_id = conversations.giver_id and m.receiver_id = conversations.receiver_id
          and m.draw = (select match_draw from exchanges e where e.id = m.exchange_id))`,
    )
    .run(now, exchangeId).changes;
}

/** Ends every open conversation of the exchange (its draw was undone, whatever the matches table still holds). */
export function endAllConversations(db: Db, exchangeId: number, now: number): number {
  return db.prepared('update conversations set ended_at = ? where exchange_id = ? and ended_at is null').run(now, exchangeId).changes;
}

/** Like `endAllConversations`, at most `limit` of them (a slice of a long operation); returns how many. */
export function endSomeConversations(db: Db, exchangeId: number, now: number, limit: number): number {
  return db
    .prepared('update conversations set ended_at = ? where id in (select id from conversations where exchange_id = ? and ended_at is null limit ?)')
    .run(now, exchangeId, limit).changes;
}

/** The drawn pairs a participant is in: whom they give to, and who gives to them. */
export function pairsOf(db: Db, exchangeId: number, participantId: number): { receivers: number[]; givers: number[] } {
  const rows = db.all(
    db.q
      .selectFrom('matches')
      .select(['giver_id', 'receiver_id'])
      .where('exchange_id', '=', exchangeId)
      .where('draw', '=', (eb) => eb.selectFrom('exchanges').select('match_draw').where('exchanges.id', '=', exchangeId))
      .where((eb) => eb.or([eb('giver_id', '=', participantId), eb('receiver_id', '=', participantId)]))
      .orderBy('giver_id')
      .orderBy('receiver_id'),
  );
  return {
    receivers: rows.filter((r) => r.giver_id === participantId).map((r) => r.receiver_id),
    givers: rows.filter((r) => r.receiver_id === participantId).map((r) => r.giver_id),
  };
}
