/**
 * The autosave's model, pure: the draft (what this window shows) and its base (each part as the store had it when
 * this window was last in step with it; unsaved edits differ from it). What to send, how a stored version or a
 * save's reply is taken in, and how an overlap is resolved, without touching either input.
 */
import type { ChannelInput } from '../../../electron/api/contract';
import type { MergeOverlap } from '../../../electron/api/domain';
import type { Report, SectionContent, TableRow } from '../../../electron/core/common/schemas/report';
import { canonicalJson } from '../../../electron/core/common/canonical';

export type DraftContent = Pick<ChannelInput<'reports:save-draft'>, 'metadata' | 'sections'>;

/** Each part as the store had it when this window was last in step with it. */
export interface DraftBase {
  metadata: Record<string, string>;
  sections: Record<string, SectionContent | undefined>;
}

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

/** The parts edited here and not yet stored, each with its base: what a save sends. */
export interface Outgoing {
  metadata: Record<string, string>;
  sections: Record<string, SectionContent>;
  base: { metadata: Record<string, string>; sections: Record<string, SectionContent | null> };
}

/** The draft and base after a step, and what of it came from elsewhere (to be shown). */
export interface Step {
  draft: DraftContent;
  base: DraftBase;
  external: ExternalChange;
}

export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** True when a step brought in parts to show. */
export function changesShown(external: ExternalChange): boolean {
  return !!external.metadata || Object.keys(external.sections).length > 0;
}

function copyBase(base: DraftBase): DraftBase {
  return { metadata: { ...base.metadata }, sections: { ...base.sections } };
}

/** A row put in, replaced or removed (null) by id; a row only the other side has goes where it stands there (`order`). */
export function replaceRow(rows: TableRow[], rowId: string, row: TableRow | null, order: TableRow[]): TableRow[] {
  const index = rows.findIndex((item) => item.id === rowId);
  if (index >= 0) return row ? rows.map((item) => (item.id === rowId ? row : item)) : rows.filter((item) => item.id !== rowId);
  if (!row) return rows;
  const at = order.findIndex((item) => item.id === rowId);
  const next = [...rows];
  next.splice(Math.min(Math.max(at, 0), next.length), 0, row);
  return next;
}

/** The parts edited here and not yet stored, each with its base. */
export function pendingChanges(draft: DraftContent, base: DraftBase): Outgoing {
  const outgoing: Outgoing = { metadata: {}, sections: {}, base: { metadata: {}, sections: {} } };
  for (const [key, value] of Object.entries(draft.metadata)) {
    if (value !== (base.metadata[key] ?? '')) {
      outgoing.metadata[key] = value;
      outgoing.base.metadata[key] = base.metadata[key] ?? '';
    }
  }
  for (const [id, content] of Object.entries(draft.sections)) {
    if (!same(content, base.sections[id])) {
      outgoing.sections[id] = content;
      outgoing.base.sections[id] = base.sections[id] ?? null;
    }
  }
  return outgoing;
}

/** True when nothing is to be sent. */
export function isEmpty(outgoing: Outgoing): boolean {
  return !Object.keys(outgoing.metadata).length && !Object.keys(outgoing.sections).length;
}

/**
 * Take in a stored version: parts not edited here follow it (and are shown); parts edited here keep their text
 * and their base, so the next save merges them against what they were edited from.
 */
export function takeInStored(draft: DraftContent, base: DraftBase, stored: Report): Step {
  const next = copyBase(base);
  const external: ExternalChange = { metadata: null, sections: {}, report: stored };
  const metadata = { ...draft.metadata };
  for (const [key, value] of Object.entries(stored.metadata)) {
    if ((draft.metadata[key] ?? '') !== (base.metadata[key] ?? '')) continue;
    next.metadata[key] = value;
    if ((metadata[key] ?? '') !== value) {
      metadata[key] = value;
      external.metadata = metadata;
    }
  }
  const sections = { ...draft.sections };
  for (const [id, content] of Object.entries(stored.sections)) {
    if (!same(draft.sections[id], base.sections[id])) continue;
    next.sections[id] = content;
    if (!same(sections[id], content)) {
      sections[id] = content;
      external.sections[id] = content;
    }
  }
  return { draft: { metadata, sections }, base: next, external };
}

/**
 * A save was stored (merged with the other window's rows, if any): what was sent is the base of those parts, and
 * the draft follows the stored version unless the part was edited again while the save was on its way.
 */
export function acceptSaved(draft: DraftContent, base: DraftBase, sent: Outgoing, stored: Report): Step {
  const next = copyBase(base);
  const external: ExternalChange = { metadata: null, sections: {}, report: stored };
  let result = draft;
  for (const [key, value] of Object.entries(sent.metadata)) {
    next.metadata[key] = stored.metadata[key] ?? '';
    if (result.metadata[key] === value && value !== (stored.metadata[key] ?? '')) {
      result = { ...result, metadata: { ...result.metadata, [key]: stored.metadata[key] ?? '' } };
      external.metadata = result.metadata;
    }
  }
  for (const [id, content] of Object.entries(sent.sections)) {
    const merged = stored.sections[id];
    next.sections[id] = merged;
    if (merged && same(result.sections[id], content) && !same(content, merged)) {
      result = { ...result, sections: { ...result.sections, [id]: merged } };
      external.sections[id] = merged;
    }
  }
  return { draft: result, base: next, external };
}

/**
 * Resolve an overlap: keep mine (the overlapping parts are saved over theirs) or take theirs (those parts follow
 * the stored version). Either way the base of those parts becomes theirs; parts that did not overlap are kept.
 */
export function resolveOverlaps(draft: DraftContent, base: DraftBase, conflict: SaveConflict, choice: 'mine' | 'theirs'): Step {
  const { current, overlaps } = conflict;
  const next = copyBase(base);
  const external: ExternalChange = { metadata: null, sections: {}, report: current };
  let result = draft;
  for (const overlap of overlaps) {
    if (overlap.kind === 'metadata') {
      next.metadata[overlap.field] = overlap.theirs;
      if (choice === 'theirs') {
        result = { ...result, metadata: { ...result.metadata, [overlap.field]: overlap.theirs } };
        external.metadata = result.metadata;
      }
    } else if (overlap.kind === 'section') {
      next.sections[overlap.sectionId] = overlap.theirs ?? undefined;
      if (choice === 'theirs' && overlap.theirs) {
        result = { ...result, sections: { ...result.sections, [overlap.sectionId]: overlap.theirs } };
        external.sections[overlap.sectionId] = overlap.theirs;
      }
    } else {
      const storedRows = (current.sections[overlap.sectionId] as Extract<SectionContent, { type: 'table' }> | undefined)?.rows ?? [];
      const was = next.sections[overlap.sectionId];
      next.sections[overlap.sectionId] = { type: 'table', rows: replaceRow(was?.type === 'table' ? was.rows : [], overlap.rowId, overlap.theirs, storedRows) };
      if (choice === 'theirs') {
        const mine = result.sections[overlap.sectionId];
        const content: SectionContent = { type: 'table', rows: replaceRow(mine?.type === 'table' ? mine.rows : [], overlap.rowId, overlap.theirs, storedRows) };
        result = { ...result, sections: { ...result.sections, [overlap.sectionId]: content } };
        external.sections[overlap.sectionId] = content;
      }
    }
  }
  return { draft: result, base: next, external };
}
