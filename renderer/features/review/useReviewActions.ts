import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/api/contract';
import { request } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { notifyError } from '../../app/notifier';

/** Run a review act and refresh everything that shows review state; failures are notified, never lost silently. */
export function useReviewActions() {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K> | null> => {
      setBusy(true);
      try {
        const value = await request(channel, input);
        await refreshAfter(client, channel);
        return value;
      } catch (error) {
        notifyError(error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  return { run, busy };
}
