import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../electron/api/contract';
import type { Report } from '../../../electron/core/reports/schema';
import { call } from '../../api/client';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

export type DraftContent = Pick<ChannelInput<'reports:save-draft'>, 'metadata' | 'sections'>;

export interface AutosaveOptions {
  report: Report;
  delayMs?: number;
  onSaved?: (report: Report) => void;
}

/**
 * Keeps the writer's text until the store has it: edits mark the draft dirty, a debounced save sends the
 * latest snapshot with the revision it was based on; a failure keeps everything and retries on the next
 * edit or Ctrl+S; a `conflict` stops saving and hands both versions to the caller to decide.
 */
export function useAutosave({ report, delayMs = 1200, onSaved }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Report | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const baseRev = useRef(report.rev);
  const draft = useRef<DraftContent>({ metadata: report.metadata, sections: report.sections });
  const version = useRef(0);
  const savedVersion = useRef(0);
  const timer = useRef<number | null>(null);
  /** The save on its way to the store, if any: a flush waits for it rather than send a second one beside it. */
  const inFlight = useRef<Promise<unknown> | null>(null);
  const blocked = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  /** Send the draft as it is now once, and record the outcome (true: stored). */
  const send = useCallback(async (): Promise<boolean> => {
    const sending = version.current;
    setState('saving');
    const result = await call('reports:save-draft', { id: report.id, baseRev: baseRev.current, ...draft.current });
    if (result.ok) {
      baseRev.current = result.value.rev;
      savedVersion.current = sending;
      setError(null);
      setSavedAt(new Date());
      onSavedRef.current?.(result.value);
      setState(version.current !== sending ? 'dirty' : 'saved');
      return true;
    }
    if (result.error.code === 'conflict') {
      blocked.current = true;
      setConflict((result.error.details as { current?: Report } | undefined)?.current ?? null);
      setState('conflict');
      setError(result.error.message);
      return false;
    }
    setState('failed');
    setError(result.error.message);
    return false;
  }, [report.id]);

  /** Save now; true once the store has every edit made so far. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // A save already on its way (the debounced one): wait for it, then send what it did not carry. Never
    // two at once (the second would be based on a stale revision), and never give up early: an export
    // started while a save was in flight used to do nothing at all.
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    if (blocked.current || version.current === savedVersion.current) {
      return version.current === savedVersion.current;
    }
    const attempt = send();
    inFlight.current = attempt;
    let stored: boolean;
    try {
      stored = await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
    // Typing went on while it was saved: save the rest.
    if (stored && version.current !== savedVersion.current) return flush();
    return stored;
  }, [send]);

  const schedule = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), delayMs);
  }, [flush, delayMs]);

  /** Record an edit; the save follows after a pause in typing. */
  const update = useCallback(
    (patch: Partial<DraftContent>) => {
      draft.current = {
        metadata: patch.metadata ?? draft.current.metadata,
        sections: patch.sections ? { ...draft.current.sections, ...patch.sections } : draft.current.sections,
      };
      version.current++;
      if (!blocked.current) {
        setState('dirty');
        schedule();
      }
    },
    [schedule],
  );

  /** Resolve a conflict: keep mine (saved over the stored revision) or take the stored version. */
  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      baseRev.current = conflict.rev;
      blocked.current = false;
      setConflict(null);
      if (choice === 'theirs') {
        draft.current = { metadata: conflict.metadata, sections: conflict.sections };
        savedVersion.current = version.current;
        setState('saved');
        setError(null);
        onSavedRef.current?.(conflict);
        return;
      }
      savedVersion.current = -1;
      await flush();
    },
    [conflict, flush],
  );

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (version.current !== savedVersion.current) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (version.current !== savedVersion.current) void flush();
    };
  }, [flush]);

  return { state, error, savedAt, conflict, update, flush, resolveConflict, draft, baseRev };
}
