import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { describeReason } from '../../core/matching';
import { getExchange } from '../../db/repos/exchanges';
import { drawPeople } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { nextTurn } from '../common/slices';
import { organizerTranslator } from '../organizer/settings';
import { prepareHistory } from './history';
import { buildProblem, reasonParticipantIds } from './problem';
import { checkOffThread, EngineRunAbandoned } from './solve-off-thread';

type CheckInput = ParsedInput<'draw.check'>;
type CheckOutput = OperationOutput<'draw.check'>;

/** A check under way, and the newer one that took its place, if any. */
interface Running {
  readonly controller: AbortController;
  readonly result: Promise<CheckOutput>;
  newer: Running | null;
}

/** Per app (tests run several in one process): the latest check of each exchange and mode. */
const latest = new WeakMap<Deps, Map<string, Running>>();

/**
 * The Draw tab's check: which modes can be drawn and, if the chosen one cannot, why (every id the
 * reason mentions, so the screen can highlight those people). Asked again after every rule or
 * roster change, and a group with rules can keep a worker searching for seconds (see
 * solve-off-thread.ts): so the latest check of an exchange wins. A newer check of the same exchange
 * and mode ends the older one's worker, and the older call answers with the newer one's result,
 * which describes the rules as they now are.
 */
export async function checkDraw(deps: Deps, input: CheckInput): Promise<CheckOutput> {
  let checks = latest.get(deps);
  if (checks === undefined) latest.set(deps, (checks = new Map()));
  const key = `${input.exchangeId}|${input.mode ?? ''}`;
  const controller = new AbortController();
  const running: Running = { controller, result: checkNow(deps, input, controller.signal), newer: null };
  const older = checks.get(key);
  if (older) {
    older.newer = running;
    older.controller.abort();
  }
  checks.set(key, running);
  try {
    return await answerOf(running);
  } finally {
    if (checks.get(key) === running) checks.delete(key);
  }
}

/** The result of a check, or of the newest that took its place. */
async function answerOf(running: Running): Promise<CheckOutput> {
  try {
    return await running.result;
  } catch (error) {
    if (error instanceof EngineRunAbandoned && running.newer) return answerOf(running.newer);
    throw error;
  }
}

async function checkNow(deps: Deps, input: CheckInput, signal: AbortSignal): Promise<CheckOutput> {
  const exchange = getExchange(deps.db, input.exchangeId);
  const mode = input.mode ?? exchange.matchMode;
  const people = drawPeople(deps.db, exchange.id);
  const prep = await prepareHistory(deps, exchange, people);
  await nextTurn();
  const result = await checkOffThread(buildProblem(deps, exchange, people, mode, prep), deps.random, deps.log, signal);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    feasible: result.ok,
    mode,
    feasibleModes: result.modes,
    reason: result.ok ? null : describeReason(result.reason, (id) => names.get(id) ?? `#${id}`, organizerTranslator(deps)),
    participantIds: result.ok ? [] : reasonParticipantIds(result.reason),
    participantCount: people.length,
  };
}
