/**
 * The draw engine on a worker thread (`solveOffThread`): a 10 000-person draw takes longer than the
 * pages may wait. Pure computation: the problem in, the result out, no database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solve, type MatchingProblem } from '../../core/matching';
import { cryptoRandom, seededRandom } from '../../core/random';

const { problem, seed } = workerData as { problem: MatchingProblem; seed: number | null };
const result = solve(problem, { random: seed === null ? cryptoRandom() : seededRandom(seed) });
parentPort!.postMessage(result);
