import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import { getActiveProfileId, request } from './client';
import { refreshAfter, type ChangingChannel } from './refreshes';

/** Query key for a channel call; includes the active profile so switching never shows stale data. */
export function queryKey<K extends ChannelName>(channel: K, input?: ChannelInput<K>): unknown[] {
  return [channel, getActiveProfileId(), input ?? {}];
}

/** Read a channel through the query cache. Failures are shown by the global error notifier. */
export function useChannel<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
  options?: Omit<UseQueryOptions<ChannelOutput<K>>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<ChannelOutput<K>>({
    queryKey: queryKey(channel, input),
    queryFn: () => request(channel, input),
    ...options,
  });
}

/**
 * Call a changing channel; on success the reads it changed are refreshed (the contract's effects say which: electron/api/effects.ts).
 * `shownInPlace`: the caller shows a failure where the person is looking (a dialog), so the global notifier does
 * not toast it too.
 */
export function useChannelMutation<K extends ChangingChannel>(channel: K, options: { shownInPlace?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<K>, Error, ChannelInput<K>>({
    meta: options.shownInPlace ? { shownInPlace: true } : undefined,
    mutationFn: (input) => request(channel, input),
    onSuccess: () => refreshAfter(client, channel),
  });
}
