// Supervisors' signing keys in tests (no vitest import: child processes and the bench use it too).
import type { CoreServices } from '../../electron/core/services';

/** The passphrase the test helpers give every supervisor's key. */
export const testPassphrase = '测试口令-passphrase';

/**
 * Unlock every local supervisor's key with `testPassphrase` — protecting it with that passphrase first where it
 * is not protected yet (as the UI does the first time a supervisor profile is chosen).
 */
export async function unlockSupervisors(services: CoreServices): Promise<void> {
  for (const profile of await services.profiles.list()) {
    if (profile.role !== 'supervisor') continue;
    const state = await services.signer.keyState(profile.id);
    if (state === 'locked') await services.signer.unlock(profile.id, testPassphrase);
    else if (state !== 'unlocked') await services.signer.setPassphrase(profile.id, testPassphrase);
  }
}
