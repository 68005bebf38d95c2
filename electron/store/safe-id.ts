import { DomainError } from '../core/shared/errors';

/** Ids become file names: allow only characters that cannot escape a folder. */
export function assertSafeId(id: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(id)) {
    throw new DomainError('invalid-input', `编号格式不正确：${id}`);
  }
  return id;
}
