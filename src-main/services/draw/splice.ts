import { spliceIn, spliceOut } from '../../core/matching';
import { randomToken } from '../../core/tokens';
import type { Exchange, Participant } from '../../core/types';
import { deletePairHistory, insertPairHistory, loadMatchRounds, replaceMatches } from '../../db/repos/matches';
import { getParticipant, listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { enqueueMatchMail, notifiedParticipants, recordGifteesChanged } from '../mail/match-mail';
import { pairsChanged } from '../between/pairs-changed';
import { historyRows } from './history';
import { stillToQueue } from '../mail/pending-mail';
import { activeParticipants, buildProblem, infeasible } from './problem';

export interface SpliceOutcome {
  changedParticipantIds: number[];
  emailsQueued: number;
}

/**
 * Stores a spliced assignment and tells only the givers whose giftee changed. A giver who was
 * already told gets an "assignment changed" email; one who was not yet told gets a match email.
 */
function storeSplice(
  deps: Deps,
  exchange: Exchange,
  people: Participant[],
  previous: Array<[number, number]>,
  assignment: Array<[number, number]>,
  changedGivers: number[],
  slots: readonly number[] | undefined,
): SpliceOutcome {
  const now = deps.clock.now();
  const everyone = listParticipants(deps.db, exchange.id);
  deletePairHistory(deps.db, historyRows(deps, exchange, everyone, previous));
  replaceMatches(deps.db, exchange.id, assignment, now, slots);
  pairsChanged(deps, exchange.id, 'splice');
  insertPairHistory(deps.db, historyRows(deps, exchange, people, assignment), now);
  const byId = new Map(people.map((p) => [p.id, p]));
  const told = notifiedParticipants(deps, exchange.id);
  const generation = randomToken(deps.random, 6);
  // A draw still queueing its match emails tells the givers it has not reached yet itself, with
  // their giftees as they are then. What the change means besides mail is recorded now: a giver
  // without mail (a card, the table) has no row to show whether the draw reached them.
  const drawWillTell = stillToQueue(deps, exchange.id);
  for (const giver of changedGivers) {
    if (drawWillTell?.(giver)) {
      recordGifteesChanged(deps, exchange.id, giver);
      continue;
    }
    enqueueMatchMail(deps, exchange, byId.get(giver)!, { generation, changed: told.has(giver) });
  }
  return { changedParticipantIds: changedGivers, emailsQueued: changedGivers.length };
}

/**
 * Takes a person out of a drawn exchange: their giver gets their giftee if the rules allow, else
 * the smallest local re-draw. Must run inside the caller's transaction, before the person is
 * deleted or marked withdrawn.
 */
export function spliceOutParticipant(deps: Deps, exchange: Exchange, participantId: number): SpliceOutcome {
  const remaining = activeParticipants(deps, exchange.id).filter((p) => p.id !== participantId);
  const { pairs: previous, slots } = loadMatchRounds(deps.db, exchange.id);
  const result = spliceOut(buildProblem(deps, exchange, remaining, exchange.matchMode), previous, participantId, { random: deps.random }, slots);
  if (!result.ok) throw infeasible(deps, result.reason, [...remaining, getParticipant(deps.db, participantId)]);
  return storeSplice(deps, exchange, remaining, previous, result.assignment, result.changedGivers, result.slots);
}

/** Adds an already inserted participant to a drawn exchange by opening one loop for them (k loops, or k pairs, with k giftees each). */
export function spliceInParticipant(deps: Deps, exchange: Exchange, participantId: number): SpliceOutcome {
  const people = activeParticipants(deps, exchange.id);
  const { pairs: previous, slots } = loadMatchRounds(deps.db, exchange.id);
  const result = spliceIn(buildProblem(deps, exchange, people, exchange.matchMode), previous, participantId, { random: deps.random }, slots);
  if (!result.ok) throw infeasible(deps, result.reason, people);
  return storeSplice(deps, exchange, people, previous, result.assignment, result.changedGivers, result.slots);
}
