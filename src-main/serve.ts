import { randomBytes } from 'node:crypto';
import { APP_VERSION, createApp } from './app';
import { ConfigError, parseServeConfig, USAGE } from './config';
import { DatabaseOpenError } from './db/migrate';
import { participantHostCache } from './services/network/addresses';
import { browsableUrl } from './http/hosts';
import { listen, type Listener } from './http/listen';
import { endSessionsOfReplacedCredentials, hashPassword } from './services/organizer/admin-auth';
import { loopbackHosts } from './http/security';
import { adminSecretFile, loadAdminSecret } from './http/admin/secret-file';
import { launchMark } from './lifecycle';

// Every static import above has been evaluated by now.
launchMark('modules-loaded');

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
    const { seedDemo } = await import('./services/exchanges/demo');
    const seeded = seedDemo(deps);
    console.log(seeded.created ? 'Added the demo exchange.' : 'The database already has exchanges; no demo added.');
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    deps.log.info('shutting down', { signal });
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Kept in the data folder so the printed address can be bookmarked (see secret-file.ts).
  const { secret, created: newSecret } = loadAdminSecret(adminSecretFile(deps.paths.dataDir), () => randomBytes(32).toString('base64url'), config.newAdminSecret);
  endSessionsOfReplacedCredentials(deps, config.adminPassword, newSecret);
  const opened: { admin?: Listener } = {};
  try {
    await app.start({
      participant: { host: config.host, port: config.port },
      async front() {
        // The organizer's side (its API, every operation's schema) is loaded once the participants' pages listen.
        const { createAdminApp } = await import('./http/admin/app');
        let adminPort = config.adminPort;
        const lanHosts = participantHostCache(() => ({ bindHost: config.adminHost, port: adminPort, publicBaseUrl: null }));
        let loopback: { port: number; hosts: ReadonlySet<string> } | null = null;
        const adminApp = createAdminApp(deps, {
          secret,
          allowedHosts: config.adminPassword
            ? lanHosts.current
            : () => (loopback?.port === adminPort ? loopback.hosts : (loopback = { port: adminPort, hosts: new Set(loopbackHosts(adminPort)) }).hosts),
          ...(config.adminPassword && { refreshHosts: lanHosts.refresh }),
          passwordHash: config.adminPassword ? hashPassword(config.adminPassword, deps.random) : null,
        });
        const admin = await listen(adminApp.fetch, { host: config.adminHost, port: config.adminPort, tryNext: 20 });
        adminPort = admin.port;
        opened.admin = admin;
        return admin;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      return fail(`Cannot listen: ${(error as Error).message}. Choose another --port or --host.`);
    }
    throw error;
  }
  const admin = opened.admin;
  if (!admin) return;
  // The address actually bound (IPv6 bracketed; a wildcard bind is opened through loopback).
  const adminUrl = browsableUrl(admin.host, admin.port);
  deps.runtime.organizerUrl = `${adminUrl}/`;
  console.log(
    [
      `Sneaky Klaus ${APP_VERSION} is running. Data folder: ${deps.paths.dataDir}`,
      `Participants' pages: ${deps.runtime.participantUrls.join('  ')}`,
      `Organizer screens:   ${adminUrl}/#secret=${secret}`,
      `Organizer API:       ${adminUrl}/rpc/<operation>`,
      `Admin secret:        ${secret} (${newSecret ? 'new; ' : ''}kept in ${adminSecretFile(deps.paths.dataDir)}; --new-admin-secret replaces it)`,
      ...(config.adminPassword ? [`Sign-in page:        ${adminUrl}/ (with the organizer password from SNEAKY_KLAUS_ADMIN_PASSWORD)`] : []),
      `Try:                 curl -X POST -H "Authorization: Bearer ${secret}" ${adminUrl}/rpc/exchanges.list`,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  launchMark('banner');
}

function fail(message: string): void {
  console.error(`sneaky-klaus: ${message}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`sneaky-klaus: unexpected error: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
