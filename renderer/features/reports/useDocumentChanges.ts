import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeChanges } from '../../api/client';

/**
 * An open document follows changes made in other windows: its review (comments, decisions) and its status
 * are read again at once. The writer's own text is the autosave's business (useAutosave takes saved parts in
 * without touching unsaved ones), so a draft's saves are left to it here.
 */
export function useDocumentChanges(docId: string, editable: boolean): void {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeChanges((event) => {
        if (event.docId !== docId) return;
        if (editable && event.channel === 'reports:save-draft') return;
        void client.invalidateQueries({ queryKey: ['review:get'] });
        if (event.channel !== 'reports:save-draft' || !editable) {
          if (!event.channel.startsWith('review:') || /decide|reopen|withdraw/.test(event.channel)) {
            void client.invalidateQueries({ queryKey: ['reports:get'] });
          }
        }
      }),
    [client, docId, editable],
  );
}
