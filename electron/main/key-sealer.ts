import type { OsKeySealer } from '../store/key-store';

/** The part of Electron's safeStorage the key store uses (injected, so it can be tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Private keys sealed by the operating system through Electron's safeStorage (DPAPI on Windows, the Keychain on
 * macOS, libsecret on Linux). On Linux without a secret service safeStorage falls back to a hard-coded
 * password ("basic_text"), which protects nothing: then the key store is given no sealer.
 */
export function safeStorageSealer(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): OsKeySealer {
  return {
    available: () => {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
    },
    seal: (plain) => safeStorage.encryptString(plain),
    unseal: (sealed) => safeStorage.decryptString(sealed),
  };
}
