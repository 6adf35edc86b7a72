/**
 * Launch benchmark: the headless server's launch phases (process start → modules loaded →
 * database open → participant listener up → first participant page answered → banner → catch-up
 * done) on an empty data folder and on a big one (100 exchanges, 10 000 participants, last run 40
 * days ago), and its resident memory after the launch and after 5 more catch-ups (`jobs.runDue`
 * through the admin API).
 *
 * The server reports its phases on stderr when SNEAKY_KLAUS_LAUNCH_TRACE=1 (src-main/lifecycle.ts);
 * "first page" is measured from here: GET /login is tried every few ms until it answers 200.
 *
 *   npm run bench:launch            (tsx test/bench/launch/run.ts [runs])
 */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildLaunchData, EXCHANGES, GROUPS, PER_EXCHANGE } from './data';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** BENCH_SERVE_JS: another build of serve.js to launch (then nothing is rebuilt). */
const SERVE_JS = process.env.BENCH_SERVE_JS ?? join(ROOT, 'out/main/serve.js');
/**
 * BENCH_COMPARE_JS: a second build (another commit's out/main/serve.js), launched alternately with
 * the first on every run, so both see the same drift of a busy machine; a last table puts their
 * first pages side by side.
 */
const COMPARE_JS = process.env.BENCH_COMPARE_JS;
const RUNS = Number(process.argv[2] ?? 5);
const CATCH_UPS = 5;
/** Issue #15 goal 2: pages answer this soon after process start. */
const TARGET_FIRST_PAGE_MS = { empty: 300, big: 500 };
const PHASES = ['modules-loaded', 'db-open', 'listener-up', 'first-page', 'banner', 'caught-up'] as const;
type Phase = (typeof PHASES)[number];

/** The bench may read the wall clock (serve does): the data's instants are relative to it. */
const wallNow = () => Math.round(performance.timeOrigin + performance.now());

interface Launch {
  launchMs: number;
  /** From spawn (measured here) to the child's own process start (performance.timeOrigin). */
  spawnToStartMs: number;
  /** ms after the child's process start. */
  phases: Record<Phase, number>;
  /** CPU ms (user + system) the child had used at each phase it reports (not first-page). */
  phaseCpu: Record<Phase, number>;
  /** CPU time (user + system) of the server process at the banner: steadier than wall time on a busy machine. */
  cpuMs: number;
  rssAfterStartKb: number;
  rssAfterCatchUpsKb: number;
  catchUp: Record<string, number>;
}

function ensureBuilt(): void {
  // The same rule as `npm run serve`: rebuild when a source is newer than the bundle.
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function cpuMs(pid: number): number {
  // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error('no VmRSS');
  return Number(match[1]);
}

async function rpc(adminUrl: string, secret: string, name: string, input: unknown = {}): Promise<unknown> {
  const response = await fetch(`${adminUrl}/rpc/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One GET /login; true on a 200 (a refused connection is false: the listener is not up yet). */
function pageAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/login', agent: false, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** `promise`, or `fallback` after `ms`; the timer is cleared, so a finished bench exits at once instead of waiting for it. */
async function orAfter<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function launchOnce(dataDir: string, serveJs: string): Promise<Launch> {
  const port = await freePort();
  const startedAt = wallNow();
  const child = spawn(process.execPath, [serveJs, '--data-dir', dataDir, '--port', String(port), '--admin-port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SNEAKY_KLAUS_LAUNCH_TRACE: '1' },
  });
  let out = '';
  let err = '';
  let origin = 0;
  const marks = new Map<string, number>();
  const cpuMarks = new Map<string, number>();
  let caughtUp: () => void = () => {};
  const caughtUpSeen = new Promise<void>((resolve) => (caughtUp = resolve));
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const match of err.matchAll(/^sk-launch (\S+) ([\d.]+) ([\d.]+) ([\d.]+)$/gm)) {
      marks.set(match[1]!, Number(match[2]));
      cpuMarks.set(match[1]!, Number(match[4]));
      origin = Number(match[3]);
      if (match[1] === 'caught-up') caughtUp();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stopPolling = false;
  const firstPage = (async () => {
    while (!stopPolling) {
      if (await pageAnswers(port)) return wallNow();
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    return NaN;
  })();
  const launchMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 60 s:\n${out}${err}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      resolve(wallNow() - startedAt);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited with ${code}:\n${out}${err}`)));
  });
  const firstPageAt = await orAfter(firstPage, 30_000, NaN);
  stopPolling = true;
  await orAfter(caughtUpSeen, 60_000, undefined);
  const adminUrl = /Organizer API:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const secret = /Admin secret:\s+(\S+)/.exec(out)?.[1];
  if (!adminUrl || !secret) throw new Error(`unreadable serve banner:\n${out}`);
  const pid = child.pid!;
  const cpuAtBanner = cpuMs(pid);
  const rssAfterStartKb = rssKb(pid);
  for (let i = 0; i < CATCH_UPS; i++) await rpc(adminUrl, secret, 'jobs.runDue');
  const rssAfterCatchUpsKb = rssKb(pid);

  const runs = (await rpc(adminUrl, secret, 'jobs.runs', { limit: 500 })) as Array<{ job: string; outcome: string; counts: Record<string, number> }>;
  const catchUp: Record<string, number> = {};
  for (const run of runs) {
    catchUp[`${run.job} ${run.outcome}`] = (catchUp[`${run.job} ${run.outcome}`] ?? 0) + 1;
    for (const key of ['queued', 'completed', 'closed', 'warned', 'purged', 'deleted'] as const) {
      if (run.counts[key]) catchUp[`  ${key}`] = (catchUp[`  ${key}`] ?? 0) + run.counts[key]!;
    }
  }
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`serve stopped with ${code}:\n${out}`);
  const phases = {} as Record<Phase, number>;
  const phaseCpu = {} as Record<Phase, number>;
  for (const phase of PHASES) {
    phases[phase] = phase === 'first-page' ? firstPageAt - origin : (marks.get(phase) ?? NaN);
    phaseCpu[phase] = cpuMarks.get(phase) ?? NaN;
  }
  return { launchMs, spawnToStartMs: origin - startedAt, phases, phaseCpu, cpuMs: cpuAtBanner, rssAfterStartKb, rssAfterCatchUpsKb, catchUp };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Lets the disk catch up before the next launch: a big folder's copy, its checkpoint at exit and
 * its removal leave ~30 MB for the kernel to write back, and a launch started meanwhile measured
 * that (the empty folder, launched next, looked slower than the big one).
 */
async function settle(): Promise<void> {
  spawnSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * Node alone: ms from process start to the first line of a one-line module, with the same binary.
 * What Node spends before any line of ours runs is in every phase above; on a slow machine it is a
 * third of the first page. `env` lets a run leave out a variable that Node reads at start
 * (NODE_EXTRA_CA_CERTS: Node 20 parses every root certificate then; Node ≥ 22 when TLS is first used).
 */
function nodeAlone(script: string, env: NodeJS.ProcessEnv): number {
  const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node alone failed: ${run.stderr}`);
  return Number(run.stdout);
}

interface Measured {
  /** By build, then run. */
  loaded: Launch[][];
  empty: Launch[][];
  /** Node alone in this environment, and without NODE_EXTRA_CA_CERTS when it is set. */
  alone: number[];
  aloneWithoutCerts: number[] | null;
}

/** Each round launches every build on both folders and Node alone, in turn: all see the same drift of a busy machine. */
async function measure(template: string, work: string, builds: readonly string[]): Promise<Measured> {
  const script = join(work, 'first-line.mjs');
  writeFileSync(script, 'process.stdout.write(performance.now().toFixed(1));\n');
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutCerts } = process.env;
  const results: Measured = { loaded: builds.map(() => []), empty: builds.map(() => []), alone: [], aloneWithoutCerts: extraCerts === undefined ? null : [] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['loaded', 'empty'] as const) {
      for (const [b, serveJs] of builds.entries()) {
        const copy = join(work, `${kind}-${i}-${b}`);
        if (kind === 'loaded') cpSync(template, copy, { recursive: true });
        else mkdirSync(copy);
        results[kind][b]!.push(await launchOnce(copy, serveJs));
        rmSync(copy, { recursive: true, force: true });
        await settle();
      }
    }
    results.alone.push(nodeAlone(script, process.env));
    results.aloneWithoutCerts?.push(nodeAlone(script, withoutCerts));
    process.stdout.write('.');
  }
  return results;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SERVE_JS) ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'sk-bench-launch-'));
  try {
    const template = join(work, 'template');
    let built = performance.now();
    // Fresh data for every launch would be exact; 30 s of drift over the runs does not matter.
    const data = await buildLaunchData(template, wallNow());
    built = performance.now() - built;
    console.log(`Data: ${EXCHANGES} exchanges × ${PER_EXCHANGE} = ${data.participants} participants, ${data.drawn} drawn; built in ${(built / 1000).toFixed(1)} s`);
    for (const g of GROUPS) console.log(`  ${String(g.count).padStart(3)}  ${g.kind}`);
    const builds = COMPARE_JS ? [SERVE_JS, COMPARE_JS] : [SERVE_JS];
    process.stdout.write(`Launching ${RUNS}× each${COMPARE_JS ? ', alternating with BENCH_COMPARE_JS' : ''} `);
    const { loaded: loadedByBuild, empty: emptyByBuild, alone, aloneWithoutCerts } = await measure(template, work, builds);
    const loaded = loadedByBuild[0]!;
    const empty = emptyByBuild[0]!;
    console.log('\n');

    const med = (runs: Launch[], pick: (r: Launch) => number) => quantile(runs.map(pick), 0.5);
    console.log('Launch phases: median ms after process start (spawn → start: before it), over the runs');
    console.log(`| data folder | spawn → start | ${PHASES.join(' | ')} |`);
    console.log(`|---|${'---:|'.repeat(PHASES.length + 1)}`);
    for (const [label, runs] of [
      ['empty', empty],
      ['big (10k people, off 40 days)', loaded],
    ] as const) {
      const cells = [med(runs, (r) => r.spawnToStartMs), ...PHASES.map((p) => med(runs, (r) => r.phases[p]))];
      console.log(`| ${label} | ${cells.map((v) => v.toFixed(0)).join(' | ')} |`);
      const cpu = PHASES.map((p) => (p === 'first-page' ? '' : med(runs, (r) => r.phaseCpu[p]).toFixed(0)));
      console.log(`| ${label}: CPU ms used by then | | ${cpu.join(' | ')} |`);
    }
    console.log('(CPU ms: user + system time of the server process when it reached the phase; steadier than wall time on a busy machine)');
    console.log('');
    const row = (label: string, runs: Launch[], base?: Launch[]) => {
      const median = med(runs, (r) => r.launchMs);
      const ratio = base ? median / med(base, (r) => r.launchMs) : 1;
      const cpu = med(runs, (r) => r.cpuMs);
      const cpuRatio = base ? cpu / med(base, (r) => r.cpuMs) : 1;
      const growth = Math.max(...runs.map((r) => r.rssAfterCatchUpsKb - r.rssAfterStartKb)) / 1024;
      const cells = [
        label.padEnd(30),
        median.toFixed(0).padStart(6),
        quantile(
          runs.map((r) => r.launchMs),
          0.9,
        )
          .toFixed(0)
          .padStart(6),
        `${ratio.toFixed(2)}×`.padStart(6),
        cpu.toFixed(0).padStart(6),
        `${cpuRatio.toFixed(2)}×`.padStart(6),
        (med(runs, (r) => r.rssAfterStartKb) / 1024).toFixed(1).padStart(9),
        (med(runs, (r) => r.rssAfterCatchUpsKb) / 1024).toFixed(1).padStart(13),
        growth.toFixed(1).padStart(10),
      ];
      return `| ${cells.join(' | ')} |`;
    };
    console.log(`| data folder                    | banner |    p90 |  ratio | CPU ms |  ratio | RSS start | RSS +${CATCH_UPS} runDue | max growth |`);
    console.log('|--------------------------------|-------:|-------:|-------:|-------:|-------:|----------:|--------------:|-----------:|');
    console.log(row('10k participants, off 40 days', loaded, empty));
    console.log(row('empty (baseline)', empty));
    console.log('(banner: wall ms from spawn to "Press Ctrl+C", median and p90; CPU ms: user+system of the server after the catch-up;');
    console.log(' memory: VmRSS in MiB, median; max growth: worst run, after 5 more catch-ups)');
    const nodeMs = quantile(alone, 0.5);
    console.log(`\nNode alone (this binary, ${process.version}, this environment), first line of a one-line module: median ${nodeMs.toFixed(0)} ms after process start`);
    if (aloneWithoutCerts) {
      const without = quantile(aloneWithoutCerts, 0.5);
      console.log(
        `  without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}): ${without.toFixed(0)} ms, ${(nodeMs - without).toFixed(0)} ms less; every launch above pays that difference before our first line`,
      );
    }
    for (const [label, runs, target] of [
      ['empty', empty, TARGET_FIRST_PAGE_MS.empty],
      ['big', loaded, TARGET_FIRST_PAGE_MS.big],
    ] as const) {
      const first = med(runs, (r) => r.phases['first-page']);
      console.log(
        `Target: first page ≤ ${target} ms after process start, ${label} folder: ${first <= target ? 'met' : 'NOT met'} (median ${first.toFixed(0)} ms, of which Node alone ${nodeMs.toFixed(0)} ms and ours ${(first - nodeMs).toFixed(0)} ms)`,
      );
    }
    if (COMPARE_JS) {
      console.log(`\nFirst page, median ms after process start, launched alternately (${RUNS}× each):`);
      console.log('| data folder | this build | BENCH_COMPARE_JS | this ÷ that |');
      console.log('|---|---:|---:|---:|');
      for (const [label, byBuild] of [
        ['empty', emptyByBuild],
        ['big', loadedByBuild],
      ] as const) {
        const [mine, theirs] = byBuild.map((runs) => med(runs, (r) => r.phases['first-page']));
        console.log(`| ${label} | ${mine!.toFixed(0)} | ${theirs!.toFixed(0)} | ${(mine! / theirs!).toFixed(2)}× |`);
      }
      console.log(`(BENCH_COMPARE_JS = ${COMPARE_JS})`);
    }
    console.log('\nWhat the first launch caught up (run log, by job and outcome; summed counts):');
    for (const [key, value] of Object.entries(loaded[0]!.catchUp).sort()) console.log(`  ${key.padEnd(32)} ${value}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
