import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../electron/core/common/schemas/report';
import { emptyHistory, recordChange, stepHistory } from '../../renderer/features/reports/grid/grid-history';

const a: TableRow[] = [{ id: '1', cells: {} }];
const b: TableRow[] = [{ id: '1', cells: { 销量: 1 } }];
const c: TableRow[] = [{ id: '1', cells: { 销量: 2 } }];

describe('grid undo history', () => {
  it('undoes and redoes changes in order', () => {
    let history = recordChange(recordChange(emptyHistory(), { before: a, after: b }), { before: b, after: c });
    let step = stepHistory(history, 'undo', c);
    expect(step.ok && step.rows).toBe(b);
    history = step.history;
    step = stepHistory(history, 'undo', b);
    expect(step.ok && step.rows).toBe(a);
    history = step.history;
    expect(history.undo).toEqual([]);
    step = stepHistory(history, 'redo', a);
    expect(step.ok && step.rows).toBe(b);
    step = stepHistory(step.history, 'redo', b);
    expect(step.ok && step.rows).toBe(c);
    expect(step.history.redo).toEqual([]);
    expect(step.history.undo).toHaveLength(2);
  });

  it('a new change clears redo', () => {
    const history = recordChange(emptyHistory(), { before: a, after: b });
    const undone = stepHistory(history, 'undo', b);
    expect(undone.history.redo).toHaveLength(1);
    expect(recordChange(undone.history, { before: a, after: c }).redo).toEqual([]);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let history = emptyHistory();
    for (let index = 0; index < 5; index += 1) history = recordChange(history, { before: [], after: [{ id: String(index), cells: {} }] }, 3);
    expect(history.undo.map((change) => change.after[0].id)).toEqual(['2', '3', '4']);
  });

  it('ends the history when there is nothing to step or the rows changed another way', () => {
    expect(stepHistory(emptyHistory(), 'undo', a)).toEqual({ ok: false, history: emptyHistory() });
    const history = recordChange(emptyHistory(), { before: a, after: b });
    // The rows are no longer those the change left (another section, a reload).
    expect(stepHistory(history, 'undo', [...b])).toEqual({ ok: false, history: emptyHistory() });
    expect(stepHistory(history, 'redo', b)).toEqual({ ok: false, history: emptyHistory() });
  });
});
