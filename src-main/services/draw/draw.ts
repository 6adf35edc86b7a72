import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import { nextState } from '../../core/exchange-state';
import { checkFeasibility, describeReason, solve, type DrawMethod, type MatchMode } from '../../core/matching';
import { randomToken } from '../../core/tokens';
import type { Exchange } from '../../core/types';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import { deletePairHistory, insertPairHistory, loadMatches, replaceMatches, deleteMatches } from '../../db/repos/matches';
import { listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { viewExchange } from '../exchanges/exchanges';
import { recordOrganizerAccess } from '../organizer/break-glass';
import { countSentMatchMail, enqueueDrawDoneNotice, enqueueMatchMail, notifiedParticipants, notifyDrawUndone, withdrawUnsentMatchMail } from '../mail/match-mail';
import { historyRows } from './history';
import { activeParticipants, buildProblem, infeasible, reasonParticipantIds } from './problem';

/** Every id a reason mentions, so the UI can highlight those people. */
export function checkDraw(deps: Deps, input: ParsedInput<'draw.check'>): OperationOutput<'draw.check'> {
  const exchange = getExchange(deps.db, input.exchangeId);
  const mode = input.mode ?? exchange.matchMode;
  const people = activeParticipants(deps, exchange.id);
  const result = checkFeasibility(buildProblem(deps, exchange, people, mode), { random: deps.random });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    feasible: result.ok,
    mode,
    feasibleModes: result.modes,
    reason: result.ok ? null : describeReason(result.reason, (id) => names.get(id) ?? `#${id}`),
    participantIds: result.ok ? [] : reasonParticipantIds(result.reason),
    participantCount: people.length,
  };
}

/** Solves, stores matches and pair history, and queues one match email per person, atomically. */
interface Assigned {
  count: number;
  queued: number;
  method: DrawMethod;
  notes: string[];
}

function assign(deps: Deps, exchange: Exchange, mode: MatchMode, options: { changedOnly: Set<number> | null }): Assigned {
  const people = activeParticipants(deps, exchange.id);
  const result = solve(buildProblem(deps, exchange, people, mode), { random: deps.random });
  if (!result.ok) throw infeasible(result.reason, people);
  deps.log.info('names drawn', { exchangeId: exchange.id, mode, method: result.method, people: people.length });
  const now = deps.clock.now();
  const previous = loadMatches(deps.db, exchange.id);
  deletePairHistory(deps.db, historyRows(deps, exchange, listParticipants(deps.db, exchange.id), previous));
  replaceMatches(deps.db, exchange.id, result.assignment, now);
  insertPairHistory(deps.db, historyRows(deps, exchange, people, result.assignment), now);
  const byId = new Map(people.map((p) => [p.id, p]));
  const before = new Map(previous);
  const generation = randomToken(deps.random, 6);
  let queued = 0;
  for (const [giver, receiver] of result.assignment) {
    const told = options.changedOnly?.has(giver) ?? false;
    if (told && before.get(giver) === receiver) continue;
    enqueueMatchMail(deps, exchange, byId.get(giver)!, { generation, changed: told });
    queued++;
  }
  enqueueDrawDoneNotice(deps, exchange, generation, people.length);
  // A must-draw pair the organizer set wins over "avoid earlier pairs": say so, naming only pairs
  // the organizer chose themselves.
  const notes = result.overriddenHistory.map(
    ([giver, receiver]) => `${byId.get(giver)?.name ?? 'Someone'} gives to ${byId.get(receiver)?.name ?? 'someone'} again, as you asked, although they were paired before.`,
  );
  return { count: people.length, queued, method: result.method, notes };
}

export function draw(deps: Deps, input: ParsedInput<'exchanges.draw'>): OperationOutput<'exchanges.draw'> {
  const result = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    const state = nextState(exchange.state, 'draw');
    const mode = input.mode ?? exchange.matchMode;
    const outcome = assign(deps, exchange, mode, { changedOnly: null });
    updateExchange(deps.db, exchange.id, { state, matchMode: mode, drawnAt: deps.clock.now(), drawMethod: outcome.method, updatedAt: deps.clock.now() });
    return outcome;
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId: input.exchangeId });
  return { exchange: viewExchange(deps, input.exchangeId), participantCount: result.count, emailsQueued: result.queued, method: result.method, notes: result.notes };
}

/** Everyone gets a new draw; people already told get an "assignment changed" email if theirs changed. */
export function redraw(deps: Deps, input: ParsedInput<'exchanges.redraw'>): OperationOutput<'exchanges.redraw'> {
  const result = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state !== 'matched') throw new DomainError('invalid_state', 'Only a drawn exchange can be re-drawn; draw names first.');
    const mode = input.mode ?? exchange.matchMode;
    const told = notifiedParticipants(deps, exchange.id);
    withdrawUnsentMatchMail(deps, exchange.id, 'a newer draw replaced it');
    const outcome = assign(deps, exchange, mode, { changedOnly: told });
    updateExchange(deps.db, exchange.id, { matchMode: mode, drawnAt: deps.clock.now(), drawMethod: outcome.method, updatedAt: deps.clock.now() });
    return outcome;
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId: input.exchangeId });
  return { exchange: viewExchange(deps, input.exchangeId), participantCount: result.count, emailsQueued: result.queued, method: result.method, notes: result.notes };
}

export function undoDraw(deps: Deps, input: ParsedInput<'exchanges.undoDraw'>): OperationOutput<'exchanges.get'> {
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    const state = nextState(exchange.state, 'undo-draw');
    const sent = countSentMatchMail(deps, exchange.id);
    if (sent > 0 && !input.confirm) {
      throw new DomainError('conflict', `${sent} ${sent === 1 ? 'person was' : 'people were'} already told whom they drew. Undo only if you will tell them; confirm to go on.`, {
        details: { alreadyNotified: sent },
      });
    }
    // Everyone who was told a name hears that it no longer holds; unsent match mail is withdrawn.
    notifyDrawUndone(deps, exchange.id);
    deletePairHistory(deps.db, historyRows(deps, exchange, listParticipants(deps.db, exchange.id), loadMatches(deps.db, exchange.id)));
    deleteMatches(deps.db, exchange.id);
    updateExchange(deps.db, exchange.id, { state, drawnAt: null, drawMethod: null, updatedAt: deps.clock.now() });
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId: input.exchangeId });
  return viewExchange(deps, input.exchangeId);
}

/** The only way the organizer sees who drew whom; recorded on the exchange. */
export function reveal(deps: Deps, input: ParsedInput<'exchanges.reveal'>): OperationOutput<'exchanges.reveal'> {
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state !== 'matched' && exchange.state !== 'completed') {
      throw new DomainError('invalid_state', 'There is no draw to reveal yet.');
    }
    updateExchange(deps.db, exchange.id, { revealedAt: now });
    recordOrganizerAccess(deps, exchange, 'reveal', null);
    const names = new Map(listParticipants(deps.db, exchange.id).map((p) => [p.id, p.name]));
    return {
      revealedAt: now,
      pairs: loadMatches(deps.db, exchange.id).map(([g, r]) => ({ giverId: g, giverName: names.get(g) ?? '', receiverId: r, receiverName: names.get(r) ?? '' })),
    };
  });
}
