import type { Office } from './datasets';
import type { Measured } from './lib';

export async function benchUi(_office: Office, _options: { keystrokes: number; pages: number }): Promise<Measured[]> {
  return [];
}
