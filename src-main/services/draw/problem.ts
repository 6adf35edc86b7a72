import { describeReason, type InfeasibleReason, type MatchingProblem, type MatchingRule, type MatchMode } from '../../core/matching';
import { DomainError } from '../../core/errors';
import { keyedHash } from '../../core/tokens';
import { yearIn } from '../../core/time';
import type { Exchange, Participant } from '../../core/types';
import { findExchange } from '../../db/repos/exchanges';
import { findPairHistory, loadMatches } from '../../db/repos/matches';
import { listParticipants } from '../../db/repos/participants';
import { loadRules } from '../../db/repos/rules';
import type { Deps } from '../common/deps';
import { installationSecret } from '../organizer/settings';

export const activeParticipants = (deps: Deps, exchangeId: number): Participant[] =>
  listParticipants(deps.db, exchangeId).filter((p) => p.withdrawnAt === null);

/** The pair-history key of a person: a keyed hash of the normalised email (SPEC §2). */
export function personHash(secret: string, email: string): string {
  return keyedHash(secret, `person:${email}`);
}

/**
 * Everything the solver needs, compiled from the exchange's rules: exclusions, households,
 * must-draw pairs, the previous exchange's pairs and pairs from the last N years of history.
 */
export function buildProblem(deps: Deps, exchange: Exchange, people: Participant[], mode: MatchMode): MatchingProblem {
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
  rules.push(...avoidedPairs(deps, exchange, people));
  return { participants: people.map((p) => p.id), rules, mode };
}

function avoidedPairs(deps: Deps, exchange: Exchange, people: Participant[]): MatchingRule[] {
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const pairs = new Set<string>();
  const out: MatchingRule[] = [];
  const add = (giver: number | undefined, receiver: number | undefined) => {
    if (giver === undefined || receiver === undefined || giver === receiver || pairs.has(`${giver}>${receiver}`)) return;
    pairs.add(`${giver}>${receiver}`);
    out.push({ kind: 'avoid-history', giver, receiver });
  };
  if (exchange.previousExchangeId !== null) {
    const previous = findExchange(deps.db, exchange.previousExchangeId);
    if (previous) {
      const emailOf = new Map(listParticipants(deps.db, previous.id).map((p) => [p.id, p.email]));
      for (const [g, r] of loadMatches(deps.db, previous.id)) add(byEmail.get(emailOf.get(g) ?? ''), byEmail.get(emailOf.get(r) ?? ''));
    }
  }
  if (exchange.avoidHistoryYears > 0) {
    const secret = installationSecret(deps);
    const byHash = new Map(people.map((p) => [personHash(secret, p.email), p.id]));
    const year = yearIn(exchange.exchangeAt, exchange.timezone);
    for (const row of findPairHistory(deps.db, [...byHash.keys()], year - exchange.avoidHistoryYears, year - 1)) {
      add(byHash.get(row.giverHash), byHash.get(row.receiverHash));
    }
  }
  return out;
}

/** Pair-history rows for an assignment (hashes only). */
export function historyRows(deps: Deps, exchange: Exchange, people: Participant[], assignment: ReadonlyArray<readonly [number, number]>) {
  const secret = installationSecret(deps);
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  const year = yearIn(exchange.exchangeAt, exchange.timezone);
  return assignment
    .filter(([g, r]) => emailOf.has(g) && emailOf.has(r))
    .map(([g, r]) => ({ giverHash: personHash(secret, emailOf.get(g)!), receiverHash: personHash(secret, emailOf.get(r)!), year }));
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

export function infeasible(reason: InfeasibleReason, people: Participant[]): DomainError {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return new DomainError('infeasible', describeReason(reason, (id) => names.get(id) ?? `#${id}`), {
    details: { reason: reason.kind, participantIds: reasonParticipantIds(reason) },
  });
}
