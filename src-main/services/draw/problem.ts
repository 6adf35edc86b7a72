import { describeReason, type HistoryPair, type InfeasibleReason, type MatchingProblem, type MatchingRule, type MatchMode } from '../../core/matching';
import { DomainError } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { findExchange } from '../../db/repos/exchanges';
import { loadMatches } from '../../db/repos/matches';
import { listParticipants } from '../../db/repos/participants';
import { loadRules } from '../../db/repos/rules';
import type { Deps } from '../common/deps';
import { organizerTranslator } from '../organizer/settings';
import { historyIdentity, NOT_DRAWN, pastExchanges, type HistoryPrep } from './history';

type Person = Pick<Participant, 'id' | 'name' | 'email'>;

export const activeParticipants = (deps: Deps, exchangeId: number): Participant[] => listParticipants(deps.db, exchangeId).filter((p) => p.withdrawnAt === null);

/**
 * Everything the solver needs, compiled from the exchange's rules: exclusions, households,
 * must-draw pairs, and as history the pairs of the previous exchange and of the last N earlier ones.
 */
export function buildProblem(deps: Deps, exchange: Exchange, people: readonly Person[], mode: MatchMode, known?: HistoryPrep): MatchingProblem {
  const ids = new Set(people.map((p) => p.id));
  const stored = loadRules(deps.db, exchange.id);
  const rules: MatchingRule[] = [];
  for (const e of stored.exclusions) {
    if (!ids.has(e.giverId) || !ids.has(e.receiverId)) continue;
    rules.push(e.kind === 'pair' ? { kind: 'exclude-pair', a: e.giverId, b: e.receiverId } : { kind: 'exclude', giver: e.giverId, receiver: e.receiverId });
  }
  for (const h of stored.households) {
    const members = h.memberIds.filter((id) => ids.has(id));
    if (members.length >= 2) rules.push({ kind: 'household', members });
  }
  for (const m of stored.mustDraw) {
    if (ids.has(m.giverId) && ids.has(m.receiverId)) rules.push({ kind: 'must-draw', giver: m.giverId, receiver: m.receiverId });
  }
  return { participants: people.map((p) => p.id), rules, mode, giftsPerPerson: exchange.giftsPerPerson, history: avoidedPairs(deps, exchange, people, known) };
}

/**
 * Pairs to avoid: the linked previous exchange's pairs and those of the organizer's last N earlier
 * exchanges. Passed as history, so an explicit must-draw pair wins over them (the engine reports it).
 */
function avoidedPairs(deps: Deps, exchange: Exchange, people: readonly Person[], known?: HistoryPrep): HistoryPair[] {
  const byIdentity = new Map(people.map((p) => [historyIdentity(p), p.id]));
  const seen = new Set<string>();
  const out: HistoryPair[] = [];
  const add = (giver: number | undefined, receiver: number | undefined) => {
    if (giver === undefined || receiver === undefined || giver === receiver || seen.has(`${giver}>${receiver}`)) return;
    seen.add(`${giver}>${receiver}`);
    out.push([giver, receiver]);
  };
  if (exchange.previousExchangeId !== null) {
    const previous = findExchange(deps.db, exchange.previousExchangeId);
    // Matches of an exchange not drawn (a draw of it under way) mean nothing yet.
    if (previous && !NOT_DRAWN.has(previous.state)) {
      const identityOf = new Map(listParticipants(deps.db, previous.id).map((p) => [p.id, historyIdentity(p)]));
      const idOf = (previousId: number) => {
        const identity = identityOf.get(previousId);
        return identity === undefined ? undefined : byIdentity.get(identity);
      };
      for (const [g, r] of loadMatches(deps.db, previous.id)) add(idOf(g), idOf(r));
    }
  }
  for (const past of pastExchanges(deps, exchange, people, known)) for (const [g, r] of past.pairs) add(g, r);
  return out;
}

export function reasonParticipantIds(reason: InfeasibleReason): number[] {
  switch (reason.kind) {
    case 'too-few':
    case 'must-draw-conflict':
    case 'no-mutual-impossible':
      return reason.participantIds;
    case 'nobody-to-give-to':
      return [reason.giver];
    case 'nobody-to-receive-from':
      return [reason.receiver];
    case 'hall':
      return [...reason.givers, ...reason.receivers];
    case 'no-single-loop':
      return reason.groups.flat();
    case 'budget-exhausted':
      return [];
  }
}

/** The draw cannot be made: why, naming the people in the way, in the organizer's language (only they meet it). */
export function infeasible(deps: Deps, reason: InfeasibleReason, people: readonly Pick<Participant, 'id' | 'name'>[]): DomainError {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return new DomainError(
    'infeasible',
    describeReason(reason, (id) => names.get(id) ?? `#${id}`, organizerTranslator(deps)),
    {
      details: { reason: reason.kind, participantIds: reasonParticipantIds(reason) },
    },
  );
}
