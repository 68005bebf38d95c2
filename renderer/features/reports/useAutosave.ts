import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MergeOverlap } from '../../../electron/api/domain';
import type { Report } from '../../../electron/core/common/schemas/report';
import { call, subscribeChanges } from '../../api/client';
import {
  acceptSaved,
  changesShown,
  isEmpty,
  pendingChanges,
  resolveOverlaps,
  takeInStored,
  type DraftBase,
  type DraftContent,
  type ExternalChange,
  type SaveConflict,
  type Step,
} from './autosave-model';

export type { DraftContent, ExternalChange, SaveConflict } from './autosave-model';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

export interface AutosaveOptions {
  report: Report;
  delayMs?: number;
  onSaved?: (report: Report) => void;
  /** Parts another window (or tab) saved that this window had not edited: show them. */
  onExternal?: (change: ExternalChange) => void;
}

/** Another window or tab changed this document: take in what it saved (never over unsaved text here). */
function useChangeFeed(reportId: string, baseRev: RefObject<number>, inFlight: RefObject<Promise<unknown> | null>, blocked: RefObject<boolean>, takeIn: (stored: Report) => void) {
  useEffect(
    () =>
      subscribeChanges((event) => {
        if (event.docId !== reportId || (event.rev !== undefined && event.rev <= baseRev.current)) return;
        void (async () => {
          while (inFlight.current) await inFlight.current.catch(() => undefined);
          if (event.rev !== undefined && event.rev <= baseRev.current) return;
          const loaded = await call('reports:get', { id: reportId });
          if (loaded.ok && !blocked.current) takeIn(loaded.value.report);
        })();
      }),
    [reportId, baseRev, inFlight, blocked, takeIn],
  );
}

/** Unsaved edits are saved when the page is left (and the browser asks first when the window closes). */
function useSaveOnLeave(unsaved: () => boolean, flush: () => Promise<boolean>) {
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved()) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (unsaved()) void flush();
    };
  }, [unsaved, flush]);
}

/**
 * Keeps the writer's text until the store has it. Edits mark the draft dirty; a debounced save sends only the
 * parts changed since they were last in step with the store, each with the content it was edited from (its
 * base), and the store merges them section by section and row by row. Parts saved by another window arrive
 * through the change feed (or a save's reply) and are taken in where this window has not edited them, so
 * nothing unsaved is ever replaced. Only a part changed on both sides stops saving and asks the writer.
 * The merging itself is the pure model in autosave-model.ts.
 */
export function useAutosave({ report, delayMs = 1200, onSaved, onExternal }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** The stored revision this window has taken in (submission checks it). */
  const baseRev = useRef(report.rev);
  const draft = useRef<DraftContent>({ metadata: { ...report.metadata }, sections: { ...report.sections } });
  const base = useRef<DraftBase>({ metadata: { ...report.metadata }, sections: { ...report.sections } });
  const version = useRef(0);
  const savedVersion = useRef(0);
  const timer = useRef<number | null>(null);
  /** The save on its way to the store, if any: a flush waits for it rather than send a second one beside it. */
  const inFlight = useRef<Promise<unknown> | null>(null);
  const blocked = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const onExternalRef = useRef(onExternal);
  onExternalRef.current = onExternal;

  /** Adopt a step of the model; true when it brought in parts to show. */
  const apply = useCallback((step: Step): boolean => {
    draft.current = step.draft;
    base.current = step.base;
    return changesShown(step.external);
  }, []);

  const takeIn = useCallback(
    (stored: Report) => {
      if (stored.rev < baseRev.current) return;
      baseRev.current = stored.rev;
      const step = takeInStored(draft.current, base.current, stored);
      if (apply(step) || stored.status !== report.status) onExternalRef.current?.(step.external);
    },
    [report.status, apply],
  );

  /** Send the parts changed here once, and record the outcome (true: stored). */
  const send = useCallback(async (): Promise<boolean> => {
    const sending = version.current;
    const outgoing = pendingChanges(draft.current, base.current);
    if (!isEmpty(outgoing)) {
      setState('saving');
      const result = await call('reports:save-draft', { id: report.id, baseRev: baseRev.current, ...outgoing });
      if (!result.ok) {
        const details = result.error.details as { current?: Report; overlaps?: MergeOverlap[] } | undefined;
        const overlapped = result.error.code === 'conflict' && !!details?.current;
        if (overlapped) {
          blocked.current = true;
          setConflict({ current: details.current!, overlaps: details.overlaps ?? [] });
        }
        setState(overlapped ? 'conflict' : 'failed');
        setError(result.error.message);
        return false;
      }
      const step = acceptSaved(draft.current, base.current, outgoing, result.value);
      if (apply(step)) onExternalRef.current?.(step.external);
      takeIn(result.value);
      setError(null);
      setSavedAt(new Date());
      onSavedRef.current?.(result.value);
    }
    // Stored, or nothing differs from the store (an edit was undone, or the other window's version was taken).
    savedVersion.current = sending;
    setState(version.current !== sending ? 'dirty' : 'saved');
    return true;
  }, [report.id, takeIn, apply]);

  /** Save now; true once the store has every edit made so far. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // A save already on its way (the debounced one): wait for it, then send what it did not carry. Never
    // two at once, and never give up early: an export started while a save was in flight used to do nothing.
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    if (blocked.current || version.current === savedVersion.current) return version.current === savedVersion.current;
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

  /** Record an edit; the save follows after a pause in typing. */
  const update = useCallback(
    (patch: Partial<DraftContent>) => {
      draft.current = {
        metadata: patch.metadata ? { ...draft.current.metadata, ...patch.metadata } : draft.current.metadata,
        sections: patch.sections ? { ...draft.current.sections, ...patch.sections } : draft.current.sections,
      };
      version.current++;
      if (blocked.current) return;
      setState('dirty');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Resolve an overlap (see resolveOverlaps); then everything else the other window saved comes in, and what is still edited here is saved. */
  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      const step = resolveOverlaps(draft.current, base.current, conflict, choice);
      const shown = apply(step);
      blocked.current = false;
      setConflict(null);
      setError(null);
      if (shown) onExternalRef.current?.(step.external);
      takeIn(conflict.current);
      version.current++;
      await flush();
    },
    [conflict, flush, takeIn, apply],
  );

  useChangeFeed(report.id, baseRev, inFlight, blocked, takeIn);
  const unsaved = useCallback(() => version.current !== savedVersion.current, []);
  useSaveOnLeave(unsaved, flush);

  return { state, error, savedAt, conflict, update, flush, resolveConflict, draft, baseRev };
}
