/**
 * The desktop app's credentials, without an Electron binary: `electron` is a stand-in whose
 * safeStorage "encrypts" by reversing bytes, and can say the system has no keychain.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';

const fake = vi.hoisted(() => ({ userData: '', available: true }));
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'userData' ? fake.userData : '') },
  safeStorage: {
    isEncryptionAvailable: () => fake.available,
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (stored: Buffer) => Buffer.from(stored).reverse().toString('utf8'),
  },
}));

const { keychainCredentials, NO_KEYCHAIN_MESSAGE } = await import('./keychain-credentials');
const REMOTE = 'https://github.com/team/notebook.git';

beforeEach(async () => {
  fake.userData = await tempDir('user-data');
  fake.available = true;
});

describe('the desktop app’s credentials', () => {
  it('keeps the token sealed by the keychain, in a file only this user reads, in the app’s own folder', async () => {
    await keychainCredentials().set(REMOTE, { username: 'ana', token: 'glpat-secret' });
    const file = join(fake.userData, 'git-credentials.bin');
    expect((await readFile(file)).toString('utf8')).not.toContain('glpat-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await keychainCredentials().get(REMOTE)).toEqual({ username: 'ana', token: 'glpat-secret' });
  });

  it('refuses to keep a token where the system has no keychain, and reads none', async () => {
    await keychainCredentials().set(REMOTE, { token: 'glpat-secret' });
    fake.available = false;
    await expect(keychainCredentials().set(REMOTE, { token: 'glpat-other' })).rejects.toThrow(NO_KEYCHAIN_MESSAGE);
    expect(await keychainCredentials().get(REMOTE)).toBeUndefined();
    await expect(keychainCredentials().set(REMOTE, undefined)).resolves.toBeUndefined();
  });
});
