/**
 * The draw engine on a worker thread (`solveOffThread`, `checkOffThread`): a 10 000-person draw
 * takes longer than the pages may wait. Pure computation: the problem in, the result out, no database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFeasibility, solve, type MatchingProblem } from '../../core/matching';
import { cryptoRandom, seededRandom } from '../../core/random';

const { job, problem, seed } = workerData as { job: 'solve' | 'check'; problem: MatchingProblem; seed: number | null };
const random = seed === null ? cryptoRandom() : seededRandom(seed);
parentPort!.postMessage(job === 'solve' ? solve(problem, { random }) : checkFeasibility(problem, { random }));
