/**
 * A launch in its own process, for crash tests:
 * `node --import tsx test/support/jobs-child.ts <data dir> <ISO time>`.
 * Opens the data folder with a manual clock stopped at <ISO time>, starts the scheduler (which
 * closes runs a crash left open and catches up), stops it and exits 0. It prints `opened` once the
 * database is open, and `done <json>` with the runs of the catch-up.
 */
import { createApp } from '../../src-main/app';
import { ManualClock } from '../../src-main/core/clock';
import { silentLogger } from '../../src-main/log';

const [dataDir, at] = process.argv.slice(2);
if (!dataDir || !at) {
  process.stderr.write('usage: jobs-child.ts <data dir> <ISO time>\n');
  process.exit(2);
}

const app = await createApp({ dataDir, clock: new ManualClock(at), log: silentLogger });
process.stdout.write('opened\n');
const runs = await app.jobs.start();
await app.jobs.stop();
app.close();
process.stdout.write(`done ${JSON.stringify(runs.map((r) => ({ job: r.job, jobKey: r.jobKey, outcome: r.outcome, counts: r.counts })))}\n`);
process.exit(0);
