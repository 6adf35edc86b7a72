import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Text } from '../../i18n';

/**
 * Where the SMTP password lives. Desktop: the OS keychain (Electron safeStorage). Headless: an
 * environment variable, else a file readable only by this user.
 */
export interface SecretStore {
  get(): string | null;
  /** Throws a DomainError-worthy Error when the store is read-only. */
  set(value: string | null): void;
  /** In English words, for logs. */
  readonly description: string;
  /** The same for the settings screen, in the organizer's language. */
  readonly wording: Text;
  readonly writable: boolean;
}

export const SMTP_PASSWORD_ENV = 'SNEAKY_KLAUS_SMTP_PASSWORD';

export function envOrFileSecretStore(file: string, env: NodeJS.ProcessEnv = process.env): SecretStore {
  const fromEnv = env[SMTP_PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return {
      get: () => fromEnv,
      set() {
        throw new Error(`The password comes from the environment variable ${SMTP_PASSWORD_ENV}; change it there.`);
      },
      description: `environment variable ${SMTP_PASSWORD_ENV}`,
      wording: { key: 'shell.secret.env', values: { name: SMTP_PASSWORD_ENV } },
      writable: false,
    };
  }
  return {
    get() {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    set(value) {
      if (value === null || value === '') {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, value, { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    description: `file ${file} (readable only by you)`,
    wording: { key: 'shell.secret.file', values: { file } },
    writable: true,
  };
}

/** For tests and for a desktop without a keychain: kept in memory only. */
export function memorySecretStore(initial: string | null = null): SecretStore {
  let value = initial;
  return {
    get: () => value,
    set(next) {
      value = next === '' ? null : next;
    },
    description: 'memory only (forgotten when the app stops)',
    wording: { key: 'shell.secret.memory' },
    writable: true,
  };
}
