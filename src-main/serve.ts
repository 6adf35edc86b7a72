import { randomBytes } from 'node:crypto';
import { APP_VERSION, createApp } from './app';
import { ConfigError, parseServeConfig, USAGE } from './config';
import { DatabaseOpenError } from './db/migrate';
import { participantHosts } from './services/addresses';
import { createAdminApp } from './http/admin/app';
import { browsableUrl, participantUrlsFor } from './http/hosts';
import { listen, type Listener } from './http/listen';
import { createParticipantApp } from './http/participant/app';
import { hashPassword } from './services/admin-auth';
import { seedDemo } from './services/demo';
import { loopbackHosts } from './http/security';
import { getSettings } from './services/settings';

/**
 * Headless entry (`npm run serve`): the whole core under plain Node, without Electron — for an
 * always-on home server, and for testing everything in a real browser.
 */
export async function main(argv: string[]): Promise<void> {
  let config;
  try {
    config = parseServeConfig(argv, process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  if (config.help) return void console.log(USAGE);
  if (config.version) return void console.log(APP_VERSION);

  let app;
  try {
    app = await createApp({ dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DatabaseOpenError) return fail(error.message);
    throw error;
  }
  const { deps } = app;
  if (config.demo) {
    const seeded = seedDemo(deps);
    console.log(seeded.created ? 'Added the demo exchange.' : 'The database already has exchanges; no demo added.');
  }

  const listeners: Listener[] = [];
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    deps.log.info('shutting down', { signal });
    await Promise.all(listeners.map((l) => l.close()));
    await app.jobs.stop();
    await app.relay.stop();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    let participantPort = config.port;
    const participant = await listen(
      createParticipantApp(deps, {
        allowedHosts: () =>
          participantHosts({ bindHost: config.host, port: participantPort, publicBaseUrl: getSettings(deps).publicBaseUrl }),
      }).fetch,
      { host: config.host, port: config.port, tryNext: 20 },
    );
    participantPort = participant.port;
    deps.runtime.participantPort = participant.port;
    listeners.push(participant);
    app.relay.start();
    await app.jobs.start();

    const secret = randomBytes(32).toString('base64url');
    let adminPort = config.adminPort;
    const adminApp = createAdminApp(deps, {
      secret,
      allowedHosts: () => (config.adminPassword ? participantHosts({ bindHost: config.adminHost, port: adminPort, publicBaseUrl: null }) : new Set(loopbackHosts(adminPort))),
      passwordHash: config.adminPassword ? hashPassword(config.adminPassword, deps.random) : null,
    });
    const admin = await listen(adminApp.fetch, { host: config.adminHost, port: config.adminPort, tryNext: 20 });
    adminPort = admin.port;
    listeners.push(admin);

    deps.runtime.participantUrls = participantUrlsFor(participantHosts({ bindHost: config.host, port: participant.port, publicBaseUrl: null }));
    // The address actually bound (IPv6 bracketed; a wildcard bind is opened through loopback).
    const adminUrl = browsableUrl(admin.host, admin.port);
    console.log(
      [
        `Sneaky Klaus ${APP_VERSION} is running. Data folder: ${deps.paths.dataDir}`,
        `Participants' pages: ${deps.runtime.participantUrls.join('  ')}`,
        `Organizer screens:   ${adminUrl}/#secret=${secret}`,
        `Organizer API:       ${adminUrl}/rpc/<operation>`,
        `Admin secret:        ${secret}`,
        `Try:                 curl -X POST -H "Authorization: Bearer ${secret}" ${adminUrl}/rpc/exchanges.list`,
        'Press Ctrl+C to stop.',
      ].join('\n'),
    );
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()));
    app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      return fail(`Cannot listen: ${(error as Error).message}. Choose another --port or --host.`);
    }
    throw error;
  }
}

function fail(message: string): void {
  console.error(`sneaky-klaus: ${message}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`sneaky-klaus: unexpected error: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
