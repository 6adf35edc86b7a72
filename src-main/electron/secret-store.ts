import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { Logger } from '../log';
import { memorySecretStore, type SecretStore } from '../services/common/secrets';

export const SECRET_FILE = 'smtp-password.enc';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The SMTP password in the OS keychain: safeStorage encrypts it with a key the keychain (macOS
 * Keychain, Windows DPAPI, the Linux secret service) keeps, and only the ciphertext is written to
 * `file`. Without a keychain, the password lives in memory only, and `description` says so on the
 * settings screen. Call after app 'ready'.
 *
 * The synchronous safeStorage calls are used because SecretStore is synchronous; the value is read
 * from the keychain once and cached, so the keychain is not asked at every send.
 */
export function safeStorageSecretStore(safeStorage: SafeStorageLike, file: string, log: Logger, platform: NodeJS.Platform): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('no OS keychain available: the SMTP password will be kept in memory only and asked for again after a restart');
    const memory = memorySecretStore();
    return {
      get: () => memory.get(),
      set: (value) => memory.set(value),
      description: 'memory only: this computer offers no keychain to Sneaky Klaus, so the password is forgotten when the app quits',
      wording: { key: 'shell.secret.noKeychain' },
      writable: true,
    };
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  if (backend === 'basic_text') log.warn('no Linux secret service found: the SMTP password is encrypted with a fixed key only');

  let cache: { value: string | null } | null = null;
  return {
    get() {
      if (cache) return cache.value;
      cache = { value: readDecrypted(safeStorage, file, log) };
      return cache.value;
    },
    set(value) {
      if (value === null || value === '') {
        rmSync(file, { force: true });
        cache = { value: null };
        return;
      }
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, safeStorage.encryptString(value), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      cache = { value };
    },
    description:
      backend === 'basic_text' ? `file ${file}, encrypted with a fixed key (no secret service such as GNOME Keyring or KWallet was found)` : `the ${keychainName(platform)}`,
    wording:
      backend === 'basic_text'
        ? { key: 'shell.secret.fixedKey', values: { file } }
        : { key: 'shell.secret.keychain', values: { keychain: platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux' } },
    writable: true,
  };
}

function readDecrypted(safeStorage: SafeStorageLike, file: string, log: Logger): string | null {
  let encrypted: Buffer;
  try {
    encrypted = readFileSync(file);
  } catch {
    return null;
  }
  try {
    return safeStorage.decryptString(encrypted);
  } catch (error) {
    // A keychain that was reset or a data folder copied from another computer: ask again.
    log.warn('the stored SMTP password cannot be decrypted; enter it again', { error });
    return null;
  }
}

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows credential protection (DPAPI)';
  return 'system keyring (secret service)';
}
