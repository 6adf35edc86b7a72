import { personKey } from '../../contract/values';
import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { checkReach, type Reach } from '../../core/delivery';
import { randomToken } from '../../core/tokens';
import { DomainError, invalidField } from '../../core/errors';
import { assertEditable } from '../../core/exchange-state';
import type { Exchange, Participant } from '../../core/types';
import { activeParticipantCount, getExchange } from '../../db/repos/exchanges';
import {
  commitImportStage,
  createImportStage,
  deleteParticipant,
  dropImportStage,
  findParticipant,
  findParticipantByNameAndEmail,
  participantKeys,
  participantsByEmail,
  getParticipant,
  householdOfParticipants,
  insertParticipant,
  insertParticipants,
  listParticipants,
  stagedConflict,
  stageParticipants,
  updateParticipant,
} from '../../db/repos/participants';
import { findPrivateAddress, participantsWithAddress } from '../../db/repos/private-addresses';
import type { Deps } from '../common/deps';
import { readdressAccessNotices } from '../organizer/break-glass';
import { commitDeferringSync } from '../../db/durable-commit';
import type { ProgressReporter } from '../common/progress';
import { eachSlice, nextTurn, SLICE_ROWS } from '../common/slices';
import { spliceInParticipant, spliceOutParticipant, type SpliceOutcome } from '../draw/splice';
import { enqueueMatchMail } from '../mail/match-mail';
import { revokeOldWay } from '../portal/revoke';
import { invitationOf, welcomedParticipants } from './invite';

export type ParticipantView = OperationOutput<'participants.add'>;

function toView(p: Participant, householdId: number | null, welcomed: ReadonlySet<number>, sharesAddressWith: string[], addressGiven: boolean): ParticipantView {
  return {
    id: p.id,
    exchangeId: p.exchangeId,
    name: p.name,
    email: p.email,
    delivery: p.delivery,
    deliveredBy: p.deliveredBy,
    locale: p.locale,
    giftIdeas: p.giftIdeas,
    remindersEnabled: p.remindersEnabled,
    isOrganizer: p.isOrganizer,
    emailConfirmed: p.emailConfirmedAt !== null,
    assignmentViewed: p.assignmentViewedAt !== null,
    withdrawn: p.withdrawnAt !== null,
    householdId,
    sharesAddressWith,
    createdAt: p.createdAt,
    invitation: invitationOf(p, welcomed),
    addressGiven,
  };
}

export function listParticipantViews(deps: Deps, exchangeId: number): ParticipantView[] {
  getExchange(deps.db, exchangeId);
  const households = householdOfParticipants(deps.db, exchangeId);
  const welcomed = welcomedParticipants(deps, exchangeId);
  const people = listParticipants(deps.db, exchangeId);
  const byEmail = new Map<string, Participant[]>();
  for (const p of people) if (p.withdrawnAt === null && p.email !== '') byEmail.set(p.email, [...(byEmail.get(p.email) ?? []), p]);
  const sharers = (p: Participant) => (byEmail.get(p.email) ?? []).filter((o) => o.id !== p.id).map((o) => o.name);
  const withAddress = participantsWithAddress(deps.db, exchangeId);
  return people.map((p) => toView(p, households.get(p.id) ?? null, welcomed, sharers(p), withAddress.has(p.id)));
}

function viewParticipant(deps: Deps, id: number): ParticipantView {
  const p = getParticipant(deps.db, id);
  const sharers = participantsByEmail(deps.db, p.exchangeId, p.email).filter((o) => o.id !== p.id && o.withdrawnAt === null);
  return toView(
    p,
    householdOfParticipants(deps.db, p.exchangeId).get(id) ?? null,
    welcomedParticipants(deps, p.exchangeId),
    sharers.map((o) => o.name),
    findPrivateAddress(deps.db, id) !== undefined,
  );
}

type Added = ParsedInput<'participants.add'>;
/** A new person; without `delivery` they learn their giftee by email. */
type NewParticipant = Omit<Added, 'exchangeId' | 'delivery' | 'deliveredBy' | 'locale'> & Partial<Pick<Added, 'delivery' | 'deliveredBy' | 'locale'>>;

/** Roster changes are allowed until completion; after the draw they are spliced into the loop. */
function assertRosterOpen(exchange: Exchange): void {
  assertEditable(exchange.state, 'participants');
}

export function addParticipant(deps: Deps, input: NewParticipant & { exchangeId: number }): ParticipantView {
  const [id] = addParticipants(deps, input.exchangeId, [input]);
  return viewParticipant(deps, id!);
}

/** Two people may share an address (a family), but one name at one address (or without one) is one person. */
function alreadyTakingPart(name: string, email: string): DomainError {
  if (email === '') {
    return new DomainError(
      'conflict',
      { key: 'error.participant.duplicateNoEmail', values: { name } },
      {
        issues: [{ path: 'name', message: { key: 'error.participant.duplicateNoEmailField', values: { name } } }],
        details: { name, email },
      },
    );
  }
  return new DomainError(
    'conflict',
    { key: 'error.participant.duplicate', values: { name, email } },
    {
      issues: [{ path: 'name', message: { key: 'error.participant.duplicateField', values: { name } } }],
      details: { name, email },
    },
  );
}

/** The address and delivery as given, checked by the one rule (core/delivery), or a message naming the field. */
function checkedReach(email: string, delivery: Reach['delivery'], deliveredBy: number | null): Reach {
  const result = checkReach(email, delivery, deliveredBy);
  if (!result.ok) throw invalidField(result.path, result.text);
  return result.reach;
}

/**
 * The person who passes someone's link on must be another active participant of the same exchange
 * who has an address and gets their own news by email (else the link would go nowhere).
 */
function assertDeliverer(deps: Deps, exchangeId: number, reach: Reach, self: number | null): void {
  if (reach.delivery !== 'delivered') return;
  const deliverer = reach.deliveredBy === null ? undefined : findParticipant(deps.db, reach.deliveredBy);
  if (!deliverer || deliverer.exchangeId !== exchangeId || deliverer.withdrawnAt !== null) {
    throw invalidField('deliveredBy', { key: 'error.participant.delivererStranger' });
  }
  if (deliverer.id === self) throw invalidField('deliveredBy', { key: 'error.participant.delivererSelf' });
  if (deliverer.email === '') throw invalidField('deliveredBy', { key: 'error.participant.delivererNoEmail', values: { name: deliverer.name } });
}

/**
 * Adds people in one transaction, counting the exchange's participants once and reading the
 * addresses already taking part once (an import of 10 000 rows is not 10 000 counts or lookups),
 * and writing them with multi-row inserts. All or nothing: a taken address or a full exchange
 * refuses the lot (the conflict's `details.email` names the address).
 */
export function addParticipants(deps: Deps, exchangeId: number, people: NewParticipant[]): number[] {
  const now = deps.clock.now();
  const entries = people.map((p) => ({ ...p, ...checkedReach(p.email, p.delivery ?? 'email', p.deliveredBy ?? null) }));
  const ids = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, exchangeId);
    assertRosterOpen(exchange);
    for (const entry of entries) assertDeliverer(deps, exchange.id, entry, null);
    const taken = participantKeys(deps.db, exchange.id);
    for (const { name, email } of entries) {
      if (taken.has(personKey(name, email))) throw alreadyTakingPart(name, email);
    }
    if (exchange.maxParticipants !== null && activeParticipantCount(deps.db, exchange.id) + entries.length > exchange.maxParticipants) {
      throw new DomainError('conflict', { key: 'error.participant.full', values: { max: exchange.maxParticipants } });
    }
    const rows = entries.map((entry) => ({
      name: entry.name,
      email: entry.email,
      delivery: entry.delivery,
      deliveredBy: entry.deliveredBy,
      locale: entry.locale ?? null,
      giftIdeas: entry.giftIdeas,
      remindersEnabled: entry.remindersEnabled,
      isOrganizer: entry.isOrganizer,
    }));
    if (exchange.state !== 'matched') {
      const byPerson = insertParticipants(deps.db, exchange.id, rows, now);
      return rows.map((row) => byPerson.get(personKey(row.name, row.email))!);
    }
    return rows.map((row) => {
      const newId = insertParticipant(deps.db, { ...row, exchangeId: exchange.id, now });
      // A latecomer after the draw is spliced into a loop (and only the affected giver is told).
      spliceInParticipant(deps, exchange, newId);
      return newId;
    });
  });
  deps.events.emit({ type: 'participants.changed', exchangeId });
  return ids;
}

/**
 * An import's rows (already checked, addresses normalised), all or nothing, without a long block:
 * staged in slices in a TEMP table (invisible, and gone if the process dies), then moved into the
 * exchange by one statement in one short transaction that checks the exchange as it is then.
 * Rows go in address order, which keeps the index on (exchange, email) writing neighbouring pages.
 * A drawn exchange splices each newcomer in (`addParticipants`). Returns how many were added.
 */
export async function addParticipantsInSlices(deps: Deps, exchangeId: number, people: NewParticipant[], progress?: Pick<ProgressReporter, 'update'>): Promise<number> {
  const rows = people
    .map((p) => ({
      name: p.name,
      email: p.email,
      delivery: p.delivery ?? 'email',
      deliveredBy: p.deliveredBy ?? null,
      locale: p.locale ?? null,
      giftIdeas: p.giftIdeas,
      remindersEnabled: p.remindersEnabled,
      isOrganizer: p.isOrganizer,
    }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const stage = createImportStage(deps.db);
  try {
    await eachSlice(rows, (slice) => stageParticipants(deps.db, stage, slice), SLICE_ROWS, progress);
    await nextTurn();
    const now = deps.clock.now();
    // Synced to disk on the thread pool, not the loop (db/durable-commit.ts); "added" is said once it is durable.
    const commit = commitDeferringSync(deps.db, () => {
      const exchange = getExchange(deps.db, exchangeId);
      assertRosterOpen(exchange);
      if (exchange.state === 'matched') return null;
      const taken = stagedConflict(deps.db, stage, exchange.id);
      if (taken !== undefined) throw alreadyTakingPart(taken.name, taken.email);
      if (exchange.maxParticipants !== null && activeParticipantCount(deps.db, exchange.id) + rows.length > exchange.maxParticipants) {
        throw new DomainError('conflict', { key: 'error.participant.full', values: { max: exchange.maxParticipants } });
      }
      const count = commitImportStage(deps.db, stage, exchange.id, now);
      deps.events.emit({ type: 'participants.changed', exchangeId });
      return count;
    });
    await commit.durable;
    return commit.result ?? addParticipants(deps, exchangeId, people).length;
  } finally {
    // Dropping 10 000 staged rows takes a turn of its own.
    await nextTurn();
    dropImportStage(deps.db, stage);
  }
}

export function updateParticipantDetails(deps: Deps, { participantId, patch }: ParsedInput<'participants.update'>): ParticipantView {
  const now = deps.clock.now();
  const exchangeId = deps.db.transaction(() => {
    const participant = getParticipant(deps.db, participantId);
    const exchange = getExchange(deps.db, participant.exchangeId);
    assertEditable(exchange.state, 'details');
    const reach = checkedReach(
      patch.email ?? participant.email,
      patch.delivery ?? participant.delivery,
      patch.deliveredBy !== undefined ? patch.deliveredBy : participant.deliveredBy,
    );
    assertDeliverer(deps, exchange.id, reach, participant.id);
    if (reach.email === '' && passesLinksOn(deps, exchange.id, participant.id)) {
      throw invalidField('email', { key: 'error.participant.delivererNeedsEmail', values: { name: participant.name } });
    }
    const name = patch.name ?? participant.name;
    const same = findParticipantByNameAndEmail(deps.db, exchange.id, name, reach.email);
    if (same && same.id !== participant.id) throw alreadyTakingPart(name, reach.email);
    updateParticipant(deps.db, participantId, { ...patch, ...reach, updatedAt: now });
    const emailChanged = reach.email !== participant.email;
    const deliveryChanged = reach.delivery !== participant.delivery || reach.deliveredBy !== participant.deliveredBy;
    // What went the old way stops working: a link in the old inbox, one passed on by the old
    // deliverer, a card no longer the way, and every session (one may be a stranger's).
    if (emailChanged || deliveryChanged) {
      const oldWay = [
        ...(emailChanged ? (['login', 'welcome', 'match', 'notice'] as const) : []),
        ...(deliveryChanged && participant.delivery === 'delivered' ? (['handover'] as const) : []),
        ...(deliveryChanged && participant.delivery === 'card' ? (['card'] as const) : []),
      ];
      revokeOldWay(deps, participant.id, oldWay);
    }
    // After the draw, a new way to learn the giftee takes effect at once: the match email, or the
    // link to pass on (to the new deliverer); a card or the table needs nothing sent. A new
    // address too: what was written to the old one is withdrawn when the relay reaches it.
    const rerouted = deliveryChanged || (reach.delivery === 'email' && emailChanged);
    const drawn = exchange.state === 'matched';
    if (drawn && rerouted && participant.withdrawnAt === null) {
      enqueueMatchMail(deps, exchange, { id: participant.id, email: reach.email }, { generation: randomToken(deps.random, 6), changed: false });
    }
    if (emailChanged) {
      // The links this person passes on went to the old address: they stop working, and after
      // the draw each goes again, to the new one.
      for (const other of listParticipants(deps.db, exchange.id)) {
        if (other.delivery !== 'delivered' || other.deliveredBy !== participant.id || other.withdrawnAt !== null) continue;
        revokeOldWay(deps, other.id, ['handover']);
        if (drawn) enqueueMatchMail(deps, exchange, other, { generation: randomToken(deps.random, 6), changed: false });
      }
      readdressAccessNotices(deps, participant, reach.email);
    }
    return exchange.id;
  });
  deps.events.emit({ type: 'participants.changed', exchangeId });
  return viewParticipant(deps, participantId);
}

/** Whether anyone of the exchange has their link passed on by this person. */
export function passesLinksOn(deps: Deps, exchangeId: number, participantId: number): boolean {
  return listParticipants(deps.db, exchangeId).some((p) => p.deliveredBy === participantId && p.delivery === 'delivered' && p.withdrawnAt === null);
}

/**
 * Deletes the participant and, by cascade, their rules, tokens, sessions and queued mail. After
 * the draw the loop is mended first; only the givers whose giftee changed are told.
 */
export function removeParticipant(deps: Deps, participantId: number): SpliceOutcome {
  const { exchangeId, outcome } = deps.db.transaction(() => {
    const participant = getParticipant(deps.db, participantId);
    const exchange = getExchange(deps.db, participant.exchangeId);
    assertRosterOpen(exchange);
    // Those whose link they pass on would be left with no way to learn their giftee.
    if (passesLinksOn(deps, exchange.id, participant.id)) {
      throw new DomainError('conflict', { key: 'error.participant.delivererRemoved', values: { name: participant.name } });
    }
    const spliced =
      exchange.state === 'matched' && participant.withdrawnAt === null ? spliceOutParticipant(deps, exchange, participantId) : { changedParticipantIds: [], emailsQueued: 0 };
    deleteParticipant(deps.db, participantId);
    return { exchangeId: participant.exchangeId, outcome: spliced };
  });
  deps.events.emit({ type: 'participants.changed', exchangeId });
  return outcome;
}
