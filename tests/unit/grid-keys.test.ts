import { describe, expect, it } from 'vitest';
import type { TableDef } from '../../electron/core/common/schemas/template';
import { canEditColumn, clampPosition, planKey, tabTarget, type KeyInput } from '../../renderer/features/reports/grid/grid-keys';

/** 价类 | 销量 | 同比 (computed) | 库存 */
const table: TableDef = {
  columns: [
    { key: '价类', label: '价类', type: 'text' },
    { key: '销量', label: '销量', type: 'decimal' },
    { key: '同比', label: '同比', type: 'percent', formula: '销量 / 库存' },
    { key: '库存', label: '库存', type: 'decimal' },
  ],
};

function key(key: string, over: Partial<KeyInput> = {}): KeyInput {
  return {
    key,
    mod: false,
    shift: false,
    alt: false,
    onButton: false,
    inSelect: false,
    readOnly: false,
    columns: table.columns,
    rowCount: 30,
    position: { row: 5, col: 1 },
    editing: null,
    ...over,
  };
}

describe('cells and Tab', () => {
  it('edits input cells only, and never in a read-only grid', () => {
    expect(canEditColumn(table.columns, 1, false)).toBe(true);
    expect(canEditColumn(table.columns, 2, false)).toBe(false);
    expect(canEditColumn(table.columns, 1, true)).toBe(false);
    expect(canEditColumn(table.columns, -1, false)).toBe(false);
    expect(canEditColumn(table.columns, 4, false)).toBe(false);
  });

  it('keeps the active cell inside the table', () => {
    expect(clampPosition({ row: 9, col: 9 }, 3, 4)).toEqual({ row: 2, col: 3 });
    expect(clampPosition({ row: 1, col: -1 }, 3, 4)).toEqual({ row: 1, col: 0 });
    expect(clampPosition({ row: 0, col: 0 }, 0, 4)).toBeNull();
  });

  it('Tab skips computed columns, wraps to the next row and stops at the ends', () => {
    expect(tabTarget(table.columns, { row: 0, col: 1 }, 2, false)).toEqual({ row: 0, col: 3 });
    expect(tabTarget(table.columns, { row: 0, col: 3 }, 2, false)).toEqual({ row: 1, col: 0 });
    expect(tabTarget(table.columns, { row: 1, col: 3 }, 2, false)).toBeNull();
    expect(tabTarget(table.columns, { row: 1, col: 0 }, 2, true)).toEqual({ row: 0, col: 3 });
    expect(tabTarget(table.columns, { row: 0, col: 0 }, 2, true)).toBeNull();
  });
});

describe('planKey: not editing', () => {
  it('moves with arrows, Home, End and the page keys; Ctrl goes to the edges', () => {
    expect(planKey(key('ArrowDown'))).toEqual({ kind: 'move', to: { row: 6, col: 1 } });
    expect(planKey(key('ArrowUp', { mod: true }))).toEqual({ kind: 'move', to: { row: 0, col: 1 } });
    expect(planKey(key('ArrowDown', { mod: true }))).toEqual({ kind: 'move', to: { row: 29, col: 1 } });
    expect(planKey(key('ArrowLeft', { position: { row: 5, col: 0 } }))).toEqual({ kind: 'move', to: { row: 5, col: 0 } });
    expect(planKey(key('ArrowRight', { mod: true }))).toEqual({ kind: 'move', to: { row: 5, col: 3 } });
    expect(planKey(key('Home'))).toEqual({ kind: 'move', to: { row: 5, col: 0 } });
    expect(planKey(key('End', { mod: true }))).toEqual({ kind: 'move', to: { row: 29, col: 3 } });
    expect(planKey(key('PageUp'))).toEqual({ kind: 'move', to: { row: 0, col: 1 } });
    expect(planKey(key('PageDown'))).toEqual({ kind: 'move', to: { row: 15, col: 1 } });
  });

  it('Tab moves to the next input cell and leaves the grid at its end', () => {
    expect(planKey(key('Tab'))).toEqual({ kind: 'move', to: { row: 5, col: 3 } });
    expect(planKey(key('Tab', { shift: true }))).toEqual({ kind: 'move', to: { row: 5, col: 0 } });
    expect(planKey(key('Tab', { position: { row: 29, col: 3 } }))).toEqual({ kind: 'ignore' });
  });

  it('Enter and F2 edit an input cell; on a computed cell Enter moves down and F2 does nothing', () => {
    expect(planKey(key('Enter'))).toEqual({ kind: 'edit', at: { row: 5, col: 1 } });
    expect(planKey(key('F2'))).toEqual({ kind: 'edit', at: { row: 5, col: 1 } });
    expect(planKey(key('Enter', { position: { row: 5, col: 2 } }))).toEqual({ kind: 'move', to: { row: 6, col: 2 } });
    expect(planKey(key('F2', { position: { row: 5, col: 2 } }))).toEqual({ kind: 'prevent' });
    expect(planKey(key('Enter', { readOnly: true }))).toEqual({ kind: 'move', to: { row: 6, col: 1 } });
  });

  it('Delete clears an input cell, Ctrl+Delete deletes the row, read-only ignores both', () => {
    expect(planKey(key('Delete'))).toEqual({ kind: 'clear', at: { row: 5, col: 1 } });
    expect(planKey(key('Backspace'))).toEqual({ kind: 'clear', at: { row: 5, col: 1 } });
    expect(planKey(key('Delete', { position: { row: 5, col: 2 } }))).toEqual({ kind: 'prevent' });
    expect(planKey(key('Delete', { mod: true }))).toEqual({ kind: 'delete-row' });
    expect(planKey(key('Delete', { readOnly: true }))).toEqual({ kind: 'ignore' });
  });

  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (not read-only, not with Alt)', () => {
    expect(planKey(key('z', { mod: true }))).toEqual({ kind: 'undo' });
    expect(planKey(key('Z', { mod: true, shift: true }))).toEqual({ kind: 'redo' });
    expect(planKey(key('y', { mod: true }))).toEqual({ kind: 'redo' });
    expect(planKey(key('z', { mod: true, readOnly: true }))).toEqual({ kind: 'ignore' });
    expect(planKey(key('z', { mod: true, alt: true }))).toEqual({ kind: 'ignore' });
  });

  it('printable keys pass to the cell input (typing starts the edit, Chinese from an IME included)', () => {
    expect(planKey(key('a'))).toEqual({ kind: 'ignore' });
    expect(planKey(key('5'))).toEqual({ kind: 'ignore' });
  });
});

describe('planKey: rows, saving and buttons', () => {
  it('Ctrl+Enter adds a row at the end, Ctrl+Shift+Enter below the active one; read-only just swallows it', () => {
    expect(planKey(key('Enter', { mod: true }))).toEqual({ kind: 'add-row' });
    expect(planKey(key('Enter', { mod: true, shift: true }))).toEqual({ kind: 'add-row', at: 6 });
    expect(planKey(key('Enter', { mod: true, position: null }))).toEqual({ kind: 'add-row' });
    expect(planKey(key('Enter', { mod: true, readOnly: true }))).toEqual({ kind: 'prevent' });
  });

  it('Ctrl+S stores what is typed first; Enter on a button (添加一行) is the button’s', () => {
    expect(planKey(key('s', { mod: true, editing: 'replace' }))).toEqual({ kind: 'store-typed' });
    expect(planKey(key('Enter', { onButton: true }))).toEqual({ kind: 'ignore' });
    expect(planKey(key(' ', { onButton: true }))).toEqual({ kind: 'ignore' });
    expect(planKey(key('ArrowDown', { position: null }))).toEqual({ kind: 'ignore' });
  });

  it('Alt+↑/↓ moves the row, even while editing', () => {
    expect(planKey(key('ArrowUp', { alt: true }))).toEqual({ kind: 'move-row', delta: -1 });
    expect(planKey(key('ArrowDown', { alt: true, editing: 'edit' }))).toEqual({ kind: 'move-row', delta: 1 });
    expect(planKey(key('ArrowDown', { alt: true, readOnly: true }))).toEqual({ kind: 'move', to: { row: 6, col: 1 } });
  });
});

describe('planKey: editing', () => {
  it('Escape cancels; Enter commits and moves down (Shift+Enter up); arrows up and down commit and move', () => {
    const editing = { editing: 'edit' as const };
    expect(planKey(key('Escape', editing))).toEqual({ kind: 'cancel' });
    expect(planKey(key('Enter', editing))).toEqual({ kind: 'commit', prevent: true, then: { row: 6, col: 1 } });
    expect(planKey(key('Enter', { ...editing, shift: true }))).toEqual({ kind: 'commit', prevent: true, then: { row: 4, col: 1 } });
    expect(planKey(key('Enter', { ...editing, position: { row: 29, col: 1 } }))).toEqual({ kind: 'commit', prevent: true, then: { row: 29, col: 1 } });
    expect(planKey(key('ArrowUp', editing))).toEqual({ kind: 'commit', prevent: true, then: { row: 4, col: 1 } });
  });

  it('Tab commits and moves, leaving the grid (no move) at its end', () => {
    expect(planKey(key('Tab', { editing: 'edit' }))).toEqual({ kind: 'commit', prevent: false, then: { row: 5, col: 3 } });
    expect(planKey(key('Tab', { editing: 'edit', position: { row: 29, col: 3 } }))).toEqual({ kind: 'commit', prevent: false, then: null });
  });

  it('←/→ leave a cell being typed into, but move the caret in a cell opened with Enter, F2 or a click', () => {
    expect(planKey(key('ArrowRight', { editing: 'replace' }))).toEqual({ kind: 'commit', prevent: true, then: { row: 5, col: 2 } });
    expect(planKey(key('ArrowLeft', { editing: 'replace' }))).toEqual({ kind: 'commit', prevent: true, then: { row: 5, col: 0 } });
    expect(planKey(key('ArrowRight', { editing: 'edit' }))).toEqual({ kind: 'ignore' });
  });

  it('other keys, Delete and Ctrl+Z included, belong to the editor', () => {
    expect(planKey(key('Delete', { editing: 'edit' }))).toEqual({ kind: 'ignore' });
    expect(planKey(key('z', { mod: true, editing: 'edit' }))).toEqual({ kind: 'ignore' });
    expect(planKey(key('Home', { editing: 'edit' }))).toEqual({ kind: 'ignore' });
  });

  it('in a choice cell’s select only Escape and Tab are the grid’s', () => {
    const select = { inSelect: true, editing: 'edit' as const };
    expect(planKey(key('Escape', select))).toEqual({ kind: 'cancel' });
    expect(planKey(key('Tab', select))).toEqual({ kind: 'close-move', to: { row: 5, col: 3 } });
    expect(planKey(key('Tab', { ...select, position: { row: 29, col: 3 } }))).toEqual({ kind: 'close-move', to: null });
    expect(planKey(key('ArrowDown', select))).toEqual({ kind: 'ignore' });
    expect(planKey(key('Enter', select))).toEqual({ kind: 'ignore' });
    expect(planKey(key('Escape', { inSelect: true }))).toEqual({ kind: 'ignore' });
  });
});
