import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeStorageSecretStore } from '../../../src-main/electron/secret-store';
import type { Logger } from '../../../src-main/log';

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    // A reversible stand-in for the keychain-backed cipher.
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`)),
    decryptString: vi.fn((buffer: Buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString();
    }),
  },
}));
const { safeStorage } = await import('electron');

const logger = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }) satisfies Logger;
const file = () => join(mkdtempSync(join(tmpdir(), 'sk-secret-')), 'secrets', 'smtp-password.enc');

describe('safeStorageSecretStore', () => {
  it('stores only ciphertext, readable only by the user, and reads it back', () => {
    const path = file();
    const store = safeStorageSecretStore(safeStorage, path, logger(), 'darwin');
    expect(store.get()).toBeNull();
    store.set('hunter2 app password');
    expect(readFileSync(path).toString()).not.toContain('hunter2');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
    expect(store.get()).toBe('hunter2 app password');
    expect(safeStorageSecretStore(safeStorage, path, logger(), 'darwin').get()).toBe('hunter2 app password');
    expect(store).toMatchObject({ writable: true, description: 'the macOS Keychain' });
  });

  it('removes the file for an empty password', () => {
    const path = file();
    const store = safeStorageSecretStore(safeStorage, path, logger(), 'win32');
    store.set('x');
    store.set('');
    expect(existsSync(path)).toBe(false);
    expect(store.get()).toBeNull();
  });

  it('asks the keychain once, then answers from memory', () => {
    const path = file();
    safeStorageSecretStore(safeStorage, path, logger(), 'linux').set('pw');
    const store = safeStorageSecretStore(safeStorage, path, logger(), 'linux');
    vi.mocked(safeStorage.decryptString).mockClear();
    store.get();
    store.get();
    expect(safeStorage.decryptString).toHaveBeenCalledTimes(1);
  });

  it('forgets a password it cannot decrypt (keychain reset), with a warning', () => {
    const path = file();
    safeStorageSecretStore(safeStorage, path, logger(), 'linux').set('pw');
    writeFileSync(path, 'garbage');
    const log = logger();
    expect(safeStorageSecretStore(safeStorage, path, log, 'linux').get()).toBeNull();
    expect(log.warn).toHaveBeenCalled();
  });

  it('without a keychain keeps the password in memory only, and says so', () => {
    vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValueOnce(false);
    const path = file();
    const log = logger();
    const store = safeStorageSecretStore(safeStorage, path, log, 'linux');
    store.set('pw');
    expect(store.get()).toBe('pw');
    expect(existsSync(path)).toBe(false);
    expect(store.description).toMatch(/^memory only/);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no OS keychain'));
  });

  it('on Linux without a secret service says the key is fixed', () => {
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValueOnce('basic_text');
    const store = safeStorageSecretStore(safeStorage, file(), logger(), 'linux');
    expect(store.description).toMatch(/fixed key/);
  });
});
