import { parseArgs } from 'node:util';

export interface ServeConfig {
  dataDir: string;
  /** Participant listener. */
  host: string;
  port: number;
  /** Admin listener: loopback unless `--admin-host` opens it (then a password is required). */
  adminHost: string;
  adminPort: number;
  /** From SNEAKY_KLAUS_ADMIN_PASSWORD; required when adminHost is not loopback. */
  adminPassword: string | null;
  demo: boolean;
  /** Replace the persisted organizer secret (old bookmarks and API scripts stop working). */
  newAdminSecret: boolean;
  help: boolean;
  version: boolean;
}

export class ConfigError extends Error {}

export const USAGE = `Usage: npm run serve -- [options]

  --data-dir <folder>   where the database and backups live (default: ./data,
                        or $SNEAKY_KLAUS_DATA_DIR)
  --host <address>      address participants' pages listen on (default 0.0.0.0: the LAN)
  --port <number>       participants' port (default 4317; the next free one if taken)
  --admin-port <number> organizer's port (default 4318; the next free one if taken)
  --admin-host <address> where the organizer's screens listen (default 127.0.0.1). Anything
                        but loopback needs an organizer password of 12+ characters in
                        $SNEAKY_KLAUS_ADMIN_PASSWORD
  --new-admin-secret    replace the organizer secret kept in <data>/secrets/admin-secret:
                        the old organizer address (and bookmarks of it) stop working
  --demo                add an example exchange when the database has none
  --help                show this text
  --version             print the version`;

/** Command line and environment → config. Any problem is a ConfigError with one readable line. */
export function parseServeConfig(argv: string[], env: NodeJS.ProcessEnv): ServeConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'admin-port': { type: 'string' },
        'admin-host': { type: 'string' },
        demo: { type: 'boolean' },
        'new-admin-secret': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const dataDir = values['data-dir'] ?? env.SNEAKY_KLAUS_DATA_DIR ?? 'data';
  if (dataDir.trim() === '') throw new ConfigError('--data-dir needs a folder.');
  const adminHost = values['admin-host'] ?? env.SNEAKY_KLAUS_ADMIN_HOST ?? '127.0.0.1';
  const adminPassword = env.SNEAKY_KLAUS_ADMIN_PASSWORD ?? null;
  if (!isLoopback(adminHost) && (adminPassword === null || adminPassword.length < 12)) {
    throw new ConfigError(
      `--admin-host ${adminHost} would open the organizer's screens to the network: set an organizer password of at least 12 characters in SNEAKY_KLAUS_ADMIN_PASSWORD first.`,
    );
  }
  return {
    dataDir,
    adminHost,
    adminPassword: isLoopback(adminHost) ? null : adminPassword,
    host: values.host ?? env.SNEAKY_KLAUS_HOST ?? '0.0.0.0',
    port: port(values.port ?? env.SNEAKY_KLAUS_PORT, 4317, '--port'),
    adminPort: port(values['admin-port'] ?? env.SNEAKY_KLAUS_ADMIN_PORT, 4318, '--admin-port'),
    demo: values.demo ?? false,
    newAdminSecret: values['new-admin-secret'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function port(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) throw new ConfigError(`${flag} must be a port number from 0 to 65535, not "${raw}".`);
  return value;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
