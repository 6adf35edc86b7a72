import { mkdtempSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminSecretFile, loadAdminSecret } from '../../../src-main/http/admin/secret-file';

const secrets = ['A'.repeat(43), 'B'.repeat(43), 'C'.repeat(43)];
const fresh = () => {
  let i = 0;
  return () => secrets[i++]!;
};

describe('the persisted organizer secret', () => {
  it('is created once (readable only by this user) and reused at the next start', () => {
    const file = adminSecretFile(mkdtempSync(join(tmpdir(), 'sk-secret-')));
    const next = fresh();
    expect(loadAdminSecret(file, next, false)).toEqual({ secret: secrets[0], created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadAdminSecret(file, next, false)).toEqual({ secret: secrets[0], created: false });
  });

  it('is replaced on request, and when the file holds something that is not a secret', () => {
    const file = adminSecretFile(mkdtempSync(join(tmpdir(), 'sk-secret-')));
    const next = fresh();
    loadAdminSecret(file, next, false);
    expect(loadAdminSecret(file, next, true)).toEqual({ secret: secrets[1], created: true });
    expect(readFileSync(file, 'utf8').trim()).toBe(secrets[1]);
    writeFileSync(file, 'short');
    expect(loadAdminSecret(file, next, false)).toEqual({ secret: secrets[2], created: true });
  });
});
