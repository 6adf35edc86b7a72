import { parseArgs } from 'node:util';

export interface ServeConfig {
  dataDir: string;
  /** Participant listener. */
  host: string;
  port: number;
  /** Admin listener: loopback only. */
  adminPort: number;
  demo: boolean;
  help: boolean;
  version: boolean;
}

export class ConfigError extends Error {}

export const USAGE = `Usage: npm run serve -- [options]

  --data-dir <folder>   where the database and backups live (default: ./data,
                        or $SNEAKY_KLAUS_DATA_DIR)
  --host <address>      address participants' pages listen on (default 0.0.0.0: the LAN)
  --port <number>       participants' port (default 4317; the next free one if taken)
  --admin-port <number> organizer's port on 127.0.0.1 (default 4318; next free if taken)
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
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const dataDir = values['data-dir'] ?? env.SNEAKY_KLAUS_DATA_DIR ?? 'data';
  if (dataDir.trim() === '') throw new ConfigError('--data-dir needs a folder.');
  return {
    dataDir,
    host: values.host ?? env.SNEAKY_KLAUS_HOST ?? '0.0.0.0',
    port: port(values.port ?? env.SNEAKY_KLAUS_PORT, 4317, '--port'),
    adminPort: port(values['admin-port'] ?? env.SNEAKY_KLAUS_ADMIN_PORT, 4318, '--admin-port'),
    demo: values.demo ?? false,
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
