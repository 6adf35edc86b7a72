import { BETWEEN_LIMITS } from '../../contract/values';
import { DomainError } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { conversationsOf, insertMessage, messagesOf, openConversationOf, pairsOf, type Conversation } from '../../db/repos/conversations';
import { getExchange } from '../../db/repos/exchanges';
import { findParticipant } from '../../db/repos/participants';
import { keyedHash, randomToken } from '../../core/tokens';
import { installationSecret } from '../organizer/settings';
import type { Deps } from '../common/deps';
import type { RateLimitRule } from '../common/rate-limit';
import { enqueueMail } from '../mail/outbox';
import type { Text } from '../../i18n';
import { english } from '../../core/errors';

/** A refusal: its catalogue text, and its English (`message`). */
const refused = (text: Text) => ({ ok: false as const, text, message: english(text) });

/** Messages one person may send per hour (each one emails the other side). */
export const MESSAGE_RATE: RateLimitRule = { limit: 20, windowMs: 60 * 60_000 };

/**
 * Which thread a form posts to, without naming anyone the writer may not know: `giftee:<id>`
 * (the Santa knows their giftee) or `santa:<keyed hash of the pair>` (opaque to the giftee, and
 * bound to the pair: a page left open across a change can never write to the new Santa).
 */
export type ThreadRef = `giftee:${number}` | `santa:${string}`;

function santaRef(deps: Deps, giver: number, receiver: number): ThreadRef {
  return `santa:${keyedHash(installationSecret(deps), `santa-thread:${giver}:${receiver}`).slice(0, 20)}`;
}

export interface ThreadMessage {
  mine: boolean;
  body: string;
  at: number;
}

export interface Thread {
  /** 'giftee': I am the Santa here; 'santa': I am the giftee, writing to my anonymous Santa. */
  side: 'giftee' | 'santa';
  ref: ThreadRef;
  /** The giftee's name on the giftee side; never the Santa's. */
  giftee: string | null;
  /** Why a thread is read-only (its pair changed, or the exchange is over); null while it takes new messages. */
  ended: 'pair-changed' | 'exchange-over' | null;
  messages: ThreadMessage[];
}

/**
 * The participant's threads: one per current pair they are in (giving or receiving), then the
 * ended ones that have messages. A thread is open only while its pair is drawn and the exchange
 * is `matched`, even if a conversation row was somehow not marked ended.
 */
export function readThreads(deps: Deps, participant: Participant, exchange: Exchange = getExchange(deps.db, participant.exchangeId)): Thread[] {
  if (exchange.state !== 'matched' && exchange.state !== 'completed') return [];
  const me = participant.id;
  const pairs = pairsOf(deps.db, exchange.id, me);
  const conversations = conversationsOf(deps.db, me);
  const messages = messagesOf(
    deps.db,
    conversations.map((c) => c.id),
  );
  const toThread = (c: Conversation | undefined, side: Thread['side'], ref: ThreadRef, giftee: string | null, ended: Thread['ended']): Thread => ({
    side,
    ref,
    giftee,
    ended,
    messages: c ? messages.filter((m) => m.conversationId === c.id).map((m) => ({ mine: m.fromGiver === (side === 'giftee'), body: m.body, at: m.createdAt })) : [],
  });
  const open = (giver: number, receiver: number) => conversations.find((c) => c.giverId === giver && c.receiverId === receiver && c.endedAt === null);
  const over = exchange.state !== 'matched' ? 'exchange-over' : null;
  const current = new Set<number>();
  const threads: Thread[] = [];
  for (const receiver of pairs.receivers) {
    const c = open(me, receiver);
    if (c) current.add(c.id);
    threads.push(toThread(c, 'giftee', `giftee:${receiver}`, findParticipant(deps.db, receiver)?.name ?? '', over));
  }
  // Santas in the order of their keyed refs, not their ids: an id's order (who signed up first)
  // would be a hint at who they are.
  const givers = pairs.givers.map((giver) => ({ giver, ref: santaRef(deps, giver, me) })).sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const { giver, ref } of givers) {
    const c = open(giver, me);
    if (c) current.add(c.id);
    threads.push(toThread(c, 'santa', ref, null, over));
  }
  for (const c of conversations) {
    if (current.has(c.id) || !messages.some((m) => m.conversationId === c.id)) continue;
    const side = c.giverId === me ? 'giftee' : 'santa';
    threads.push(
      toThread(
        c,
        side,
        side === 'giftee' ? `giftee:${c.receiverId}` : santaRef(deps, c.giverId, me),
        side === 'giftee' ? (findParticipant(deps.db, c.receiverId)?.name ?? '') : null,
        'pair-changed',
      ),
    );
  }
  return threads;
}

/** A message as typed, tidied, or the reason it cannot be sent. */
export function checkMessage(raw: string): { ok: true; body: string } | { ok: false; message: string; text: Text } {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '') return refused({ key: 'error.messages.empty' });
  if (body.length > BETWEEN_LIMITS.message) return refused({ key: 'error.messages.tooLong', values: { max: BETWEEN_LIMITS.message } });
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(body)) return refused({ key: 'error.messages.control' });
  return { ok: true, body };
}

/**
 * Adds a message to the thread `ref` and queues an email to the other side that names nobody.
 * Refused (DomainError) when the pair no longer holds or the exchange is not drawn.
 */
export function sendMessage(deps: Deps, participant: Participant, ref: string, body: string): void {
  const now = deps.clock.now();
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, participant.exchangeId);
    if (exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.messages.notOpen' });
    const pair = resolvePair(deps, participant, ref);
    if (!pair) throw new DomainError('conflict', { key: 'error.messages.ended' });
    const conversationId = openConversationOf(deps.db, exchange.id, pair.giver, pair.receiver, now);
    const messageId = insertMessage(deps.db, conversationId, pair.giver === participant.id, body, now);
    const other = findParticipant(deps.db, pair.giver === participant.id ? pair.receiver : pair.giver);
    if (other && other.withdrawnAt === null) {
      // SQLite hands a removed person's message ids out again: a key from the id alone would
      // match an older notice and drop this one, so each notice's key is its own for all time.
      const key = `between-message:${messageId}:${randomToken(deps.random, 12)}`;
      enqueueMail(deps, { key, kind: 'between-message', to: other.email, exchangeId: exchange.id, participantId: other.id, params: { messageId } });
    }
  });
}

function resolvePair(deps: Deps, participant: Participant, ref: string): { giver: number; receiver: number } | null {
  const pairs = pairsOf(deps.db, participant.exchangeId, participant.id);
  const receiver = pairs.receivers.find((r) => ref === `giftee:${r}`);
  if (receiver !== undefined) return { giver: participant.id, receiver };
  const giver = pairs.givers.find((g) => ref === santaRef(deps, g, participant.id));
  return giver === undefined ? null : { giver, receiver: participant.id };
}
