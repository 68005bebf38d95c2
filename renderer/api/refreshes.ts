import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName } from '../../electron/api/contract';
import { staleAfter, type ChangingChannel } from '../../electron/api/effects';

export type { ChangingChannel };

/**
 * Mark stale (and refetch where shown) what `channel` changed: the reads whose topics it changes, as the
 * contract's effects declare (electron/api/effects.ts), or everything after an act that can change anything.
 * The one place a change becomes cache refreshes, for every caller (a mutation hook, a review act, the editor).
 */
export async function refreshAfter(client: QueryClient, channel: ChannelName): Promise<void> {
  const stale = staleAfter(channel);
  if (stale === 'all') {
    await client.invalidateQueries();
    return;
  }
  await Promise.all(stale.map((name) => client.invalidateQueries({ queryKey: [name] })));
}
