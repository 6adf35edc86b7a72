/**
 * A relay in its own process, for crash tests: `node --import tsx test/support/relay-child.ts <data dir>`.
 * Opens the data folder with the real clock and the default password store (file or
 * SNEAKY_KLAUS_SMTP_PASSWORD), delivers the outbox with the production Relay loop, and exits 0 once
 * no row is pending or being sent. RELAY_CHILD_LEASE_MS sets the lease (default: the relay's own).
 * RELAY_CHILD_NOW (epoch ms) freezes its clock at that instant, so a test on a manual clock sees
 * the same "now" in the child (a row retried later then stays queued, and the child keeps running).
 * Give it a pipe as stdin: it exits when that closes, so a failed test leaves no relay behind.
 */
import { createApp } from '../../src-main/app';
import { ManualClock } from '../../src-main/core/clock';
import { silentLogger } from '../../src-main/log';
import { outboxStatus } from '../../src-main/services/mail/outbox';
import { Relay } from '../../src-main/services/mail/relay';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: relay-child.ts <data dir>\n');
  process.exit(2);
}
const leaseMs = Number(process.env['RELAY_CHILD_LEASE_MS'] ?? '') || undefined;
process.stdin.on('end', () => process.exit(3));
process.stdin.resume();

const frozenAt = Number(process.env['RELAY_CHILD_NOW'] ?? '') || undefined;
const app = await createApp({ dataDir, log: silentLogger, ...(frozenAt !== undefined && { clock: new ManualClock(frozenAt) }) });
const relay = new Relay(app.deps, leaseMs === undefined ? {} : { leaseMs });
relay.start();
process.stdout.write('relay started\n');

const timer = setInterval(() => {
  const { counts } = outboxStatus(app.deps);
  if (counts.queued + counts.sending + counts.preview > 0) return;
  clearInterval(timer);
  void relay.stop().then(() => {
    app.close();
    process.stdout.write(`relay done: ${counts.sent} sent, ${counts.failed} failed\n`);
    process.exit(0);
  });
}, 50);
