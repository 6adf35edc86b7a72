/**
 * `npm run bench:http`: the participant pages on loopback, side by side with a bare node:http
 * hello-world and Hono's own `/health` (a one-route Hono app on the same listener code) measured
 * in the same run. The servers run in a child process, autocannon in this one, so the load
 * generator does not steal the servers' event loop. The participant listener is started the way
 * the app starts it (`app.start`, bound to 0.0.0.0 like the default), and reached on 127.0.0.1.
 *
 * Targets (issue #15, goal 4): `/me` and the invite page ≥ 0.6× Hono's `/health` and ≥ 0.3× bare
 * throughput, p99 ≤ 3× bare's, zero errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createApp } from '../../../src-main/app';
import { listen } from '../../../src-main/http/listen';
import { silentLogger } from '../../../src-main/log';
import { dispatch } from '../../../src-main/rpc/dispatch';
import { createSession } from '../../../src-main/services/portal/sessions';
import { findParticipant } from '../../../src-main/db/repos/participants';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = [10, 100];
const BARE = 'bare node:http';
const HONO = "Hono's own /health";

interface Targets {
  bare: string;
  hono: string;
  participant: string;
  inviteCode: string;
  cookie: string;
}

/** The child: seeds a database, then serves the bare server and the participant app. */
async function child(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bench-http-'));
  const app = await createApp({ dataDir: dir, log: silentLogger });
  const { deps } = app;
  const ok = async (name: string, input: unknown) => {
    const result = await dispatch(deps, name as never, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as { id: number; inviteCode: string };
  };
  const inDays = (days: number) => new Date(deps.clock.now() + days * 86_400_000).toISOString().slice(0, 16);
  await ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
  const fields = { exchangeAt: inDays(30), registrationDeadline: inDays(20), timezone: 'Europe/Berlin', budget: { amount: '30', currency: 'EUR' } };
  const open = await ok('exchanges.create', { name: 'Office party', description: 'Bring a smile.', ...fields });
  await ok('exchanges.transition', { exchangeId: open.id, action: 'open' });
  const drawn = await ok('exchanges.create', { name: 'Family Christmas', ...fields });
  let first = 0;
  for (let i = 0; i < 30; i++) {
    const p = await ok('participants.add', { exchangeId: drawn.id, name: `Person ${i}`, email: `p${i}@example.com`, giftIdeas: `Books\nhttps://example.com/wish/${i}` });
    if (i === 0) first = p.id;
  }
  await ok('exchanges.transition', { exchangeId: drawn.id, action: 'open' });
  await ok('exchanges.transition', { exchangeId: drawn.id, action: 'close' });
  await ok('exchanges.draw', { exchangeId: drawn.id });
  const session = createSession(deps, findParticipant(deps.db, first)!);

  // `/bytes/<n>`: n bytes of HTML-typed ASCII, to compare a page with sending the same bytes bare.
  const sized = new Map<number, Buffer>();
  const bare = createServer((req, res) => {
    const n = /^\/bytes\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (n === undefined) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Hello, world');
      return;
    }
    const size = Number(n);
    const body = sized.get(size) ?? sized.set(size, Buffer.alloc(size, 'x')).get(size)!;
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': String(size) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const hono = await listen(new Hono().get('/health', (c) => c.json({ status: 'ok' })).fetch, { host: '127.0.0.1', port: 0 });
  await app.start({ participant: { host: '0.0.0.0', port: 0 } });
  const port = deps.runtime.participantPort;
  if (!port) throw new Error('the participant listener did not start');
  const targets: Targets = {
    bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
    hono: `${hono.url}/health`,
    participant: `http://127.0.0.1:${port}`,
    inviteCode: open.inviteCode,
    // A browser that has been here before also holds its CSRF cookie.
    cookie: `sk_session=${session}; sk_csrf=AAAAAAAAAAAAAAAAAAAAAA`,
  };
  console.log(JSON.stringify(targets));
  process.on('SIGTERM', () => {
    bare.close();
    void Promise.all([hono.close(), app.stop()]).then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

interface Row {
  name: string;
  connections: number;
  rps: number;
  p99: number;
  errors: number;
  /** The server process's CPU time (user + system) per request: steadier than req/s on a busy machine. */
  cpuUs: number;
  /** req/s ÷ Hono's /health and ÷ bare node:http, measured in the same round (one round's line only). */
  vsHono?: number;
  vsBare?: number;
  p99VsBare?: number;
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time (user + system) of a process so far, in µs (Linux /proc). */
function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLK_TCK;
}

async function measure(pid: number, name: string, url: string, connections: number, headers: Record<string, string> = {}): Promise<Row> {
  const before = cpuUs(pid);
  const r = await autocannon({ url, connections, duration: DURATION_S, headers });
  const cpu = (cpuUs(pid) - before) / Math.max(1, r.requests.total);
  return { name, connections, rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, cpuUs: cpu };
}

async function parent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const server = spawn(process.execPath, ['--import', 'tsx', self, '--child'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const targets = await new Promise<Targets>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Targets);
    });
    server.on('exit', (code) => reject(new Error(`the server child exited with ${code}`)));
  });
  // How many bytes each page is (body), to time bare node:http sending as many.
  const bytesOf = async (url: string, headers: Record<string, string>) => Number((await fetch(url, { headers })).headers.get('content-length'));
  const meBytes = await bytesOf(`${targets.participant}/me`, { cookie: targets.cookie });
  const inviteBytes = await bytesOf(`${targets.participant}/i/${targets.inviteCode}`, {});
  const cases: Array<[string, string, Record<string, string>]> = [
    [BARE, targets.bare, {}],
    // The floor for a page: the same number of bytes, sent by bare node:http (the socket write of
    // ~8 KB costs more than a whole tiny request).
    [`bare node:http, ${meBytes} bytes (as /me)`, `${targets.bare}/bytes/${meBytes}`, {}],
    [`bare node:http, ${inviteBytes} bytes (as the invite)`, `${targets.bare}/bytes/${inviteBytes}`, {}],
    // Our listener code and Hono with one route, no middleware: what the framework costs.
    [HONO, targets.hono, {}],
    // The participant app's stack (security headers, body limit) without a page.
    ['GET /health (participant app)', `${targets.participant}/health`, {}],
    ['GET /i/:code (invite)', `${targets.participant}/i/${targets.inviteCode}`, {}],
    ['GET /me (session)', `${targets.participant}/me`, { cookie: targets.cookie }],
  ];
  // Check the pages are what we think they are before timing them.
  for (const [name, url, headers] of cases) {
    const response = await fetch(url, { headers, redirect: 'manual' });
    const text = await response.text();
    if (response.status !== 200 || (name.startsWith('GET /me') && !text.includes('You are giving a gift to'))) throw new Error(`${name}: ${response.status}`);
  }
  for (const [, url, headers] of cases) await autocannon({ url, connections: 10, duration: 1, headers }); // warm-up
  // Round-robin, ROUNDS times: on a shared machine the load drifts, and every target should see
  // the same drift. Each line reports the median round.
  const samples = new Map<string, Row[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      for (const [name, url, headers] of cases) {
        const row = await measure(server.pid!, name, url, connections, headers);
        const key = `${name}|${connections}`;
        samples.set(key, [...(samples.get(key) ?? []), row]);
      }
    }
  }
  server.kill('SIGTERM');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows: Row[] = [];
  for (const [name] of cases) {
    for (const connections of CONNECTIONS) {
      const runs = samples.get(`${name}|${connections}`)!;
      const hono = samples.get(`${HONO}|${connections}`)!;
      const bare = samples.get(`${BARE}|${connections}`)!;
      // Each ratio is taken within a round (the machine's load drifts between rounds), then the median.
      rows.push({
        name,
        connections,
        rps: median(runs.map((r) => r.rps)),
        p99: median(runs.map((r) => r.p99)),
        errors: runs.reduce((n, r) => n + r.errors, 0),
        cpuUs: median(runs.map((r) => r.cpuUs)),
        vsHono: median(runs.map((r, i) => r.rps / hono[i]!.rps)),
        vsBare: median(runs.map((r, i) => r.rps / bare[i]!.rps)),
        p99VsBare: median(runs.map((r, i) => r.p99 / Math.max(bare[i]!.p99, 1))),
      });
    }
  }
  print(rows);
}

function print(rows: Row[]): void {
  const bare = new Map(rows.filter((r) => r.name === BARE).map((r) => [r.connections, r]));
  const hono = new Map(rows.filter((r) => r.name.startsWith('Hono')).map((r) => [r.connections, r]));
  /** The bare row sending as many bytes as this page. */
  const sameBytes = (r: Row) =>
    rows.find((b) => b.connections === r.connections && b.name.startsWith('bare') && b.name.includes(r.name.startsWith('GET /me') ? '(as /me)' : '(as the invite)'));
  const lines = [
    `HTTP on loopback, ${ROUNDS} rounds × ${DURATION_S} s per line (node ${process.version}); the median round, and ratios`,
    'taken within each round (every target is measured in every round, one after another) and then their median',
    '| target | conns | req/s | p99 ms | errors | req/s ÷ Hono /health | req/s ÷ bare | p99 ÷ bare | target met | server CPU µs/req | Hono CPU ÷ this | req/s ÷ bare, same bytes | CPU µs beyond the bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  ];
  let allMet = true;
  for (const r of rows) {
    const b = bare.get(r.connections)!;
    const h = hono.get(r.connections)!;
    const vsBare = r.vsBare!;
    const vsHono = r.vsHono!;
    const p99 = r.p99VsBare!;
    const page = r.name.startsWith('GET /me') || r.name.startsWith('GET /i/');
    const met = !page ? '' : vsHono >= 0.6 && vsBare >= 0.3 && p99 <= 3 && r.errors === 0 ? 'yes' : 'NO';
    if (met === 'NO') allMet = false;
    const floor = page ? sameBytes(r) : undefined;
    const beyond = floor ? `${(r.rps / floor.rps).toFixed(2)} | ${(r.cpuUs - floor.cpuUs).toFixed(0)}` : ` | ${r.name === BARE ? '' : (r.cpuUs - b.cpuUs).toFixed(0)}`;
    lines.push(
      `| ${r.name} | ${r.connections} | ${Math.round(r.rps)} | ${r.p99} | ${r.errors} | ${vsHono.toFixed(2)} | ${vsBare.toFixed(2)} | ${p99.toFixed(2)} | ${met} | ${r.cpuUs.toFixed(0)} | ${(h.cpuUs / r.cpuUs).toFixed(2)} | ${beyond} |`,
    );
  }
  lines.push('(server CPU µs/req: user + system time of the server process per request answered; "Hono CPU ÷ this" is what');
  lines.push(' the throughput ratio to Hono /health would be if the server had a core to itself. "Same bytes": bare node:http');
  lines.push(' sending as many bytes as the page; "CPU µs beyond the bytes" is what the page costs over that floor, or,');
  lines.push(" for the other rows, over bare node:http's tiny answer.)");
  lines.push('', allMet ? 'All targets met (pages ≥ 0.6× Hono /health, ≥ 0.3× bare, p99 ≤ 3× bare).' : 'Some targets were missed (see "NO").');
  console.log(lines.join('\n'));
}

if (process.argv.includes('--child')) await child();
else await parent();
