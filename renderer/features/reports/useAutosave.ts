import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../electron/api/contract';
import type { MergeOverlap } from '../../../electron/api/domain';
import type { Report, SectionContent, TableRow } from '../../../electron/core/common/schemas/report';
import { canonicalJson } from '../../../electron/core/common/canonical';
import { call, subscribeChanges } from '../../api/client';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

export type DraftContent = Pick<ChannelInput<'reports:save-draft'>, 'metadata' | 'sections'>;

/** Parts of the document that changed elsewhere and were taken into this window (not edited here). */
export interface ExternalChange {
  metadata: Record<string, string> | null;
  sections: Record<string, SectionContent>;
  report: Report;
}

/** A save refused because the same part changed in both windows: both versions of those parts, and the stored document. */
export interface SaveConflict {
  current: Report;
  overlaps: MergeOverlap[];
}

export interface AutosaveOptions {
  report: Report;
  delayMs?: number;
  onSaved?: (report: Report) => void;
  /** Parts another window (or tab) saved that this window had not edited: show them. */
  onExternal?: (change: ExternalChange) => void;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function replaceRow(rows: TableRow[], rowId: string, row: TableRow | null, order: TableRow[]): TableRow[] {
  const index = rows.findIndex((item) => item.id === rowId);
  if (index >= 0) return row ? rows.map((item) => (item.id === rowId ? row : item)) : rows.filter((item) => item.id !== rowId);
  if (!row) return rows;
  // A row only the other side has: put it where it stands there.
  const at = order.findIndex((item) => item.id === rowId);
  const next = [...rows];
  next.splice(Math.min(Math.max(at, 0), next.length), 0, row);
  return next;
}

/**
 * Keeps the writer's text until the store has it. Edits mark the draft dirty; a debounced save sends only the
 * parts changed since they were last in step with the store, each with the content it was edited from (its
 * base), and the store merges them section by section and row by row. Parts saved by another window arrive
 * through the change feed (or a save's reply) and are taken in where this window has not edited them, so
 * nothing unsaved is ever replaced. Only a part changed on both sides stops saving and asks the writer.
 */
export function useAutosave({ report, delayMs = 1200, onSaved, onExternal }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** The stored revision this window has taken in (submission checks it). */
  const baseRev = useRef(report.rev);
  const draft = useRef<DraftContent>({ metadata: { ...report.metadata }, sections: { ...report.sections } });
  /** Each part as the store had it when this window was last in step with it: unsaved edits differ from it. */
  const base = useRef<{ metadata: Record<string, string>; sections: Record<string, SectionContent | undefined> }>({
    metadata: { ...report.metadata },
    sections: { ...report.sections },
  });
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

  /** The parts edited here and not yet stored, each with its base. */
  const changes = useCallback(() => {
    const metadata: Record<string, string> = {};
    const baseMetadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft.current.metadata)) {
      if (value !== (base.current.metadata[key] ?? '')) {
        metadata[key] = value;
        baseMetadata[key] = base.current.metadata[key] ?? '';
      }
    }
    const sections: Record<string, SectionContent> = {};
    const baseSections: Record<string, SectionContent | null> = {};
    for (const [id, content] of Object.entries(draft.current.sections)) {
      if (!same(content, base.current.sections[id])) {
        sections[id] = content;
        baseSections[id] = base.current.sections[id] ?? null;
      }
    }
    return { metadata, sections, base: { metadata: baseMetadata, sections: baseSections } };
  }, []);

  /**
   * Take in a stored version: parts not edited here follow it (and are shown); parts edited here keep their
   * text and their base, so the next save merges them against what they were edited from.
   */
  const takeIn = useCallback((stored: Report) => {
    if (stored.rev < baseRev.current) return;
    baseRev.current = stored.rev;
    const external: ExternalChange = { metadata: null, sections: {}, report: stored };
    const metadata = { ...draft.current.metadata };
    for (const [key, value] of Object.entries(stored.metadata)) {
      const edited = (draft.current.metadata[key] ?? '') !== (base.current.metadata[key] ?? '');
      if (!edited) {
        base.current.metadata[key] = value;
        if ((metadata[key] ?? '') !== value) {
          metadata[key] = value;
          external.metadata = metadata;
        }
      }
    }
    const sections = { ...draft.current.sections };
    for (const [id, content] of Object.entries(stored.sections)) {
      const edited = !same(draft.current.sections[id], base.current.sections[id]);
      if (edited) continue;
      base.current.sections[id] = content;
      if (!same(sections[id], content)) {
        sections[id] = content;
        external.sections[id] = content;
      }
    }
    draft.current = { metadata, sections };
    if (external.metadata || Object.keys(external.sections).length || stored.status !== report.status) onExternalRef.current?.(external);
  }, [report.status]);

  /** Send the parts changed here once, and record the outcome (true: stored). */
  const send = useCallback(async (): Promise<boolean> => {
    const sending = version.current;
    const outgoing = changes();
    if (!Object.keys(outgoing.metadata).length && !Object.keys(outgoing.sections).length) {
      // Nothing differs from the store (an edit was undone, or the other window's version was taken).
      savedVersion.current = sending;
      setState(version.current !== sending ? 'dirty' : 'saved');
      return true;
    }
    setState('saving');
    const result = await call('reports:save-draft', {
      id: report.id,
      baseRev: baseRev.current,
      metadata: outgoing.metadata,
      sections: outgoing.sections,
      base: outgoing.base,
    });
    if (result.ok) {
      // What was sent is stored now (merged with the other window's rows, if any): it is the base of those
      // parts, and the draft follows it unless the part was edited again while the save was on its way.
      const stored = result.value;
      const external: ExternalChange = { metadata: null, sections: {}, report: stored };
      for (const [key, value] of Object.entries(outgoing.metadata)) {
        base.current.metadata[key] = stored.metadata[key] ?? '';
        if (draft.current.metadata[key] === value && value !== (stored.metadata[key] ?? '')) {
          draft.current = { ...draft.current, metadata: { ...draft.current.metadata, [key]: stored.metadata[key] ?? '' } };
          external.metadata = draft.current.metadata;
        }
      }
      for (const [id, content] of Object.entries(outgoing.sections)) {
        const merged = stored.sections[id];
        base.current.sections[id] = merged;
        if (merged && same(draft.current.sections[id], content) && !same(content, merged)) {
          draft.current = { ...draft.current, sections: { ...draft.current.sections, [id]: merged } };
          external.sections[id] = merged;
        }
      }
      if (external.metadata || Object.keys(external.sections).length) onExternalRef.current?.(external);
      takeIn(stored);
      savedVersion.current = sending;
      setError(null);
      setSavedAt(new Date());
      onSavedRef.current?.(result.value);
      setState(version.current !== sending ? 'dirty' : 'saved');
      return true;
    }
    if (result.error.code === 'conflict') {
      const details = result.error.details as { current?: Report; overlaps?: MergeOverlap[] } | undefined;
      if (details?.current) {
        blocked.current = true;
        setConflict({ current: details.current, overlaps: details.overlaps ?? [] });
        setState('conflict');
        setError(result.error.message);
        return false;
      }
    }
    setState('failed');
    setError(result.error.message);
    return false;
  }, [report.id, changes, takeIn]);

  /** Save now; true once the store has every edit made so far. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // A save already on its way (the debounced one): wait for it, then send what it did not carry. Never
    // two at once, and never give up early: an export started while a save was in flight used to do nothing.
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
        metadata: patch.metadata ? { ...draft.current.metadata, ...patch.metadata } : draft.current.metadata,
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

  /**
   * Resolve an overlap: keep mine (the overlapping parts are saved over theirs) or take theirs (those parts
   * follow the stored version). Parts that did not overlap are kept either way and saved next.
   */
  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      const { current, overlaps } = conflict;
      const external: ExternalChange = { metadata: null, sections: {}, report: current };
      for (const overlap of overlaps) {
        if (overlap.kind === 'metadata') {
          base.current.metadata[overlap.field] = overlap.theirs;
          if (choice === 'theirs') {
            draft.current = { ...draft.current, metadata: { ...draft.current.metadata, [overlap.field]: overlap.theirs } };
            external.metadata = draft.current.metadata;
          }
        } else if (overlap.kind === 'section') {
          base.current.sections[overlap.sectionId] = overlap.theirs ?? undefined;
          if (choice === 'theirs' && overlap.theirs) {
            draft.current = { ...draft.current, sections: { ...draft.current.sections, [overlap.sectionId]: overlap.theirs } };
            external.sections[overlap.sectionId] = overlap.theirs;
          }
        } else {
          const storedRows = (current.sections[overlap.sectionId] as Extract<SectionContent, { type: 'table' }> | undefined)?.rows ?? [];
          const was = base.current.sections[overlap.sectionId];
          const baseRows = was?.type === 'table' ? was.rows : [];
          base.current.sections[overlap.sectionId] = { type: 'table', rows: replaceRow(baseRows, overlap.rowId, overlap.theirs, storedRows) };
          if (choice === 'theirs') {
            const mine = draft.current.sections[overlap.sectionId];
            const rows = replaceRow(mine?.type === 'table' ? mine.rows : [], overlap.rowId, overlap.theirs, storedRows);
            const content: SectionContent = { type: 'table', rows };
            draft.current = { ...draft.current, sections: { ...draft.current.sections, [overlap.sectionId]: content } };
            external.sections[overlap.sectionId] = content;
          }
        }
      }
      blocked.current = false;
      setConflict(null);
      setError(null);
      if (external.metadata || Object.keys(external.sections).length) onExternalRef.current?.(external);
      // Everything else the other window saved comes in too; then whatever is still edited here is saved.
      takeIn(current);
      version.current++;
      await flush();
    },
    [conflict, flush, takeIn],
  );

  // Another window or tab changed this document: take in what it saved (never over unsaved text here).
  useEffect(
    () =>
      subscribeChanges((event) => {
        if (event.docId !== report.id || (event.rev !== undefined && event.rev <= baseRev.current)) return;
        void (async () => {
          while (inFlight.current) await inFlight.current.catch(() => undefined);
          if (event.rev !== undefined && event.rev <= baseRev.current) return;
          const loaded = await call('reports:get', { id: report.id });
          if (loaded.ok && !blocked.current) takeIn(loaded.value.report);
        })();
      }),
    [report.id, takeIn],
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
