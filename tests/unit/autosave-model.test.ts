import { describe, expect, test } from 'vitest';
import type { Report, SectionContent, TableRow } from '../../electron/core/common/schemas/report';
import {
  acceptSaved,
  changesShown,
  isEmpty,
  pendingChanges,
  replaceRow,
  resolveOverlaps,
  takeInStored,
  type DraftBase,
  type DraftContent,
} from '../../renderer/features/reports/autosave-model';

const text = (words: string): SectionContent => ({ type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] } });
const row = (id: string, name: string): TableRow => ({ id, cells: { 名称: name } });
const table = (...rows: TableRow[]): SectionContent => ({ type: 'table', rows });
const stored = (metadata: Record<string, string>, sections: Record<string, SectionContent>, rev = 2): Report =>
  ({ id: 'r1', rev, status: 'draft', title: 'T', metadata, sections }) as unknown as Report;

function start(metadata: Record<string, string>, sections: Record<string, SectionContent>): { draft: DraftContent; base: DraftBase } {
  return { draft: { metadata: { ...metadata }, sections: { ...sections } }, base: { metadata: { ...metadata }, sections: { ...sections } } };
}

describe('autosave model: what is sent, what is taken in', () => {
  test('only parts edited here are sent, each with the content it was edited from', () => {
    const { draft, base } = start({ 片区: '城西' }, { a: text('一'), b: text('二') });
    expect(isEmpty(pendingChanges(draft, base))).toBe(true);
    const edited = { metadata: { 片区: '城东' }, sections: { ...draft.sections, b: text('二改') } };
    const outgoing = pendingChanges(edited, base);
    expect(outgoing).toEqual({ metadata: { 片区: '城东' }, sections: { b: text('二改') }, base: { metadata: { 片区: '城西' }, sections: { b: text('二') } } });
    // A new section has no base: null.
    expect(pendingChanges({ ...edited, sections: { c: text('新') } }, base).base.sections).toEqual({ c: null });
  });

  test('a stored version is taken in where this window has not edited, never over unsaved text', () => {
    const { draft, base } = start({ 片区: '城西', 线路: '一线' }, { a: text('一'), b: text('二') });
    const mine = { metadata: { ...draft.metadata, 片区: '城东' }, sections: { ...draft.sections, a: text('我的') } };
    const step = takeInStored(mine, base, stored({ 片区: '城北', 线路: '二线' }, { a: text('他的'), b: text('他的二') }));
    expect(step.draft.metadata).toEqual({ 片区: '城东', 线路: '二线' });
    expect(step.draft.sections).toEqual({ a: text('我的'), b: text('他的二') });
    expect(step.base.sections.a).toEqual(text('一'));
    expect(step.base.sections.b).toEqual(text('他的二'));
    expect(step.external.metadata).toEqual({ 片区: '城东', 线路: '二线' });
    expect(Object.keys(step.external.sections)).toEqual(['b']);
    expect(changesShown(step.external)).toBe(true);
    // The inputs are not touched.
    expect(base.sections.b).toEqual(text('二'));
  });

  test('a save stored: sent parts get the stored version as base; a merged table is shown unless edited again', () => {
    const { base } = start({}, { t: table(row('1', '甲')) });
    const mine = { metadata: {}, sections: { t: table(row('1', '甲改')) } };
    const sent = pendingChanges(mine, base);
    const merged = table(row('1', '甲改'), row('2', '乙'));
    const step = acceptSaved(mine, base, sent, stored({}, { t: merged }));
    expect(step.base.sections.t).toEqual(merged);
    expect(step.draft.sections.t).toEqual(merged);
    expect(step.external.sections.t).toEqual(merged);
    // Typed again while the save was on its way: the draft keeps the newer text.
    const later = { metadata: {}, sections: { t: table(row('1', '甲再改')) } };
    const kept = acceptSaved(later, base, sent, stored({}, { t: merged }));
    expect(kept.draft.sections.t).toEqual(later.sections.t);
    expect(changesShown(kept.external)).toBe(false);
  });

  test('an overlap resolved: theirs replaces the overlapping parts; mine keeps them with theirs as base', () => {
    const { base } = start({ 片区: '城西' }, { a: text('一'), t: table(row('1', '甲'), row('2', '乙')) });
    const mine = { metadata: { 片区: '城东' }, sections: { a: text('我的'), t: table(row('1', '甲我'), row('2', '乙')) } };
    const current = stored({ 片区: '城北' }, { a: text('他的'), t: table(row('1', '甲他'), row('2', '乙')) }, 3);
    const conflict = {
      current,
      overlaps: [
        { kind: 'metadata' as const, field: '片区', mine: '城东', theirs: '城北' },
        { kind: 'section' as const, sectionId: 'a', mine: text('我的'), theirs: text('他的') },
        { kind: 'row' as const, sectionId: 't', rowId: '1', mine: row('1', '甲我'), theirs: row('1', '甲他') },
      ],
    };
    const theirs = resolveOverlaps(mine, base, conflict, 'theirs');
    expect(theirs.draft).toEqual({ metadata: { 片区: '城北' }, sections: { a: text('他的'), t: table(row('1', '甲他'), row('2', '乙')) } });
    expect(theirs.base.metadata.片区).toBe('城北');
    const kept = resolveOverlaps(mine, base, conflict, 'mine');
    expect(kept.draft).toEqual(mine);
    expect(kept.base.sections.t).toEqual(table(row('1', '甲他'), row('2', '乙')));
    expect(changesShown(kept.external)).toBe(false);
  });

  test('rows are replaced, removed, or put where the other side has them', () => {
    const rows = [row('1', '甲'), row('3', '丙')];
    expect(replaceRow(rows, '1', row('1', '甲改'), [])).toEqual([row('1', '甲改'), row('3', '丙')]);
    expect(replaceRow(rows, '1', null, [])).toEqual([row('3', '丙')]);
    expect(replaceRow(rows, '2', row('2', '乙'), [row('1', '甲'), row('2', '乙'), row('3', '丙')])).toEqual([row('1', '甲'), row('2', '乙'), row('3', '丙')]);
    expect(replaceRow(rows, '9', null, [])).toBe(rows);
  });
});
