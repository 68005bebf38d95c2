import { coded } from '../core/common/messages';

/** Ids become file names: allow only characters that cannot escape a folder. */
export function assertSafeId(id: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(id)) {
    throw coded('invalid-input', 'store.badId', { id });
  }
  return id;
}
