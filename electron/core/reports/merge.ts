import { canonicalJson } from '../common/canonical';
import type { SectionContent, TableRow } from '../common/schemas/report';

/**
 * Three-way merge of a save against the stored document, part by part. The writer sends only the parts they
 * changed and, for each, the content it had when they started editing it (the base). A part nobody else
 * changed since that base takes the writer's content; a part only the other side changed keeps theirs; a part
 * both changed the same way is fine; a part both changed differently is an overlap the writer must decide.
 * Tables merge row by row (rows keyed by id), so two windows editing different rows of one table both keep
 * their figures.
 */

/** One overlapping part: both versions of that part only. */
export type MergeOverlap =
  | { kind: 'metadata'; field: string; mine: string; theirs: string }
  | { kind: 'section'; sectionId: string; mine: SectionContent | null; theirs: SectionContent | null }
  | { kind: 'row'; sectionId: string; rowId: string; mine: TableRow | null; theirs: TableRow | null };

export interface MergeInput {
  stored: { metadata: Record<string, string>; sections: Record<string, SectionContent> };
  mine: { metadata: Record<string, string>; sections: Record<string, SectionContent> };
  base: { metadata?: Record<string, string>; sections?: Record<string, SectionContent | null> };
}

export interface MergeResult {
  metadata: Record<string, string>;
  sections: Record<string, SectionContent>;
  overlaps: MergeOverlap[];
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** Rows merged by id: null when one row was changed differently on both sides (reported in `overlaps`). */
function mergeRows(sectionId: string, base: TableRow[], mine: TableRow[], theirs: TableRow[], overlaps: MergeOverlap[]): TableRow[] {
  const byId = (rows: TableRow[]) => new Map(rows.map((row) => [row.id, row]));
  const baseRows = byId(base);
  const mineRows = byId(mine);
  const theirRows = byId(theirs);
  const ids = new Set([...baseRows.keys(), ...mineRows.keys(), ...theirRows.keys()]);
  const chosen = new Map<string, TableRow | null>();
  for (const id of ids) {
    const b = baseRows.get(id) ?? null;
    const m = mineRows.get(id) ?? null;
    const t = theirRows.get(id) ?? null;
    if (same(m, t)) chosen.set(id, m);
    else if (same(b, m)) chosen.set(id, t);
    else if (same(b, t)) chosen.set(id, m);
    else {
      overlaps.push({ kind: 'row', sectionId, rowId: id, mine: m, theirs: t });
      chosen.set(id, t);
    }
  }
  // Order: theirs as stored, each of my new rows placed after the row it follows in my table.
  const result: TableRow[] = theirs.filter((row) => chosen.get(row.id)).map((row) => chosen.get(row.id)!);
  const placed = new Set(result.map((row) => row.id));
  mine.forEach((row, index) => {
    if (placed.has(row.id) || !chosen.get(row.id)) return;
    let at = 0;
    for (let before = index - 1; before >= 0; before--) {
      const position = result.findIndex((item) => item.id === mine[before]!.id);
      if (position >= 0) {
        at = position + 1;
        break;
      }
    }
    result.splice(at, 0, chosen.get(row.id)!);
    placed.add(row.id);
  });
  return result;
}

export function mergeDraft({ stored, mine, base }: MergeInput): MergeResult {
  const overlaps: MergeOverlap[] = [];
  const metadata = { ...stored.metadata };
  for (const [field, value] of Object.entries(mine.metadata)) {
    const theirs = stored.metadata[field] ?? '';
    const was = base.metadata?.[field] ?? theirs;
    if (value === theirs) continue;
    if (was === theirs) metadata[field] = value;
    else if (value !== was) overlaps.push({ kind: 'metadata', field, mine: value, theirs });
  }
  const sections = { ...stored.sections };
  for (const [sectionId, content] of Object.entries(mine.sections)) {
    const theirs = stored.sections[sectionId] ?? null;
    const was = base.sections && sectionId in base.sections ? base.sections[sectionId] ?? null : theirs;
    if (same(content, theirs)) continue;
    if (same(was, theirs)) {
      sections[sectionId] = content;
    } else if (same(was, content)) {
      continue;
    } else if (content.type === 'table' && (theirs === null || theirs.type === 'table') && (was === null || was.type === 'table')) {
      sections[sectionId] = { type: 'table', rows: mergeRows(sectionId, was?.rows ?? [], content.rows, theirs?.rows ?? [], overlaps) };
    } else {
      overlaps.push({ kind: 'section', sectionId, mine: content, theirs });
    }
  }
  return { metadata, sections, overlaps };
}
