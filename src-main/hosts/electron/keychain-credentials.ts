/**
 * The desktop app keeps a shared notebook's remote credentials encrypted with the system
 * keychain (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux) in a file of the app's own folder, never inside the notebook. Where the
 * system offers no keychain, the token is not kept at all rather than kept readable.
 */
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { NotebookError } from '../../common/errors';
import { fileCredentials, type CredentialStore } from '../../services/sync/credentials';

export const NO_KEYCHAIN_MESSAGE =
  'This computer offers Marginalia no keychain to keep the token encrypted, so it was not kept. ' +
  'Unlock or set up the system keychain (on Linux, GNOME Keyring or KWallet) and enter the token again, or sync from browser mode.';

export function keychainCredentials(): CredentialStore {
  const kept = fileCredentials(join(app.getPath('userData'), 'git-credentials.bin'), {
    seal: (text) => safeStorage.encryptString(text),
    open: (stored) => safeStorage.decryptString(stored),
  });
  return {
    // Without the keychain nothing kept can be read: the remote then asks for the token again.
    get: (remote) => (safeStorage.isEncryptionAvailable() ? kept.get(remote) : Promise.resolve(undefined)),
    async set(remote, credential) {
      if (!safeStorage.isEncryptionAvailable()) {
        if (credential) throw new NotebookError('unavailable', NO_KEYCHAIN_MESSAGE);
        return;
      }
      await kept.set(remote, credential);
    },
  };
}
