/**
 * The grid's keyboard, as in Excel and WPS, as a pure function: given a key and the grid's state it says what
 * to do (move, edit, commit, clear, undo...). No React, no DOM, so every key is unit-tested in node; the
 * useGridKeys hook carries the plan out.
 */
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import { isComputedColumn, nextInputColumn } from './grid-model';

export interface Position {
  row: number;
  col: number;
}

/** Rows a PageUp or PageDown moves. */
export const PAGE_ROWS = 10;

/** Whether the cell in column `col` takes input (not read-only, not computed, inside the table). */
export function canEditColumn(columns: ColumnDef[], col: number, readOnly: boolean): boolean {
  return !readOnly && col >= 0 && col < columns.length && !isComputedColumn(columns[col]);
}

/** The active cell kept inside the table (null for a table without rows). */
export function clampPosition(active: Position, rowCount: number, columnCount: number): Position | null {
  if (rowCount === 0) return null;
  return { row: Math.min(active.row, rowCount - 1), col: Math.min(Math.max(active.col, 0), columnCount - 1) };
}

/** Where Tab (or Shift+Tab) lands: the next input column, wrapping to the next (previous) row; null at the table's ends. */
export function tabTarget(columns: ColumnDef[], from: Position, rowCount: number, backwards: boolean): Position | null {
  const step = backwards ? -1 : 1;
  const same = nextInputColumn(columns, from.col, step);
  if (same !== null) return { row: from.row, col: same };
  const nextRow = from.row + step;
  if (nextRow < 0 || nextRow > rowCount - 1) return null;
  const wrapped = nextInputColumn(columns, backwards ? columns.length : -1, step);
  return wrapped === null ? null : { row: nextRow, col: wrapped };
}

export interface KeyInput {
  key: string;
  /** Ctrl or ⌘. */
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The key went to a button (添加一行, the toolbar). */
  onButton: boolean;
  /** The key went to a choice cell's open select. */
  inSelect: boolean;
  readOnly: boolean;
  columns: ColumnDef[];
  rowCount: number;
  position: Position | null;
  /** How the active cell is being edited, or null when it is not. */
  editing: 'replace' | 'edit' | null;
}

/**
 * What a key does. Every plan but 'ignore' and 'commit' prevents the browser's default; 'commit' ends the edit
 * (an invalid entry keeps the editor open) and then moves to `then`, preventing the default when `prevent` is set,
 * when the entry is invalid, or when it moves. 'close-move' closes a choice cell's select and moves (when `to` is set).
 */
export type KeyPlan =
  | { kind: 'ignore' }
  | { kind: 'prevent' }
  | { kind: 'add-row'; at?: number }
  | { kind: 'store-typed' }
  | { kind: 'move-row'; delta: -1 | 1 }
  | { kind: 'cancel' }
  | { kind: 'close-move'; to: Position | null }
  | { kind: 'commit'; then: Position | null; prevent: boolean }
  | { kind: 'move'; to: Position }
  | { kind: 'edit'; at: Position }
  | { kind: 'clear'; at: Position }
  | { kind: 'delete-row' }
  | { kind: 'undo' }
  | { kind: 'redo' };

const IGNORE: KeyPlan = { kind: 'ignore' };

/** The plan for a key; IME composition keys never reach it (the caller lets them pass). */
export function planKey(input: KeyInput): KeyPlan {
  const { key, mod, readOnly, position } = input;
  if (mod && key === 'Enter') {
    if (readOnly) return { kind: 'prevent' };
    return input.shift && position ? { kind: 'add-row', at: position.row + 1 } : { kind: 'add-row' };
  }
  // Ctrl+S saves the document (handled by the editor page): first store what is being typed.
  if (mod && key.toLowerCase() === 's') return { kind: 'store-typed' };
  // Buttons (添加一行, the toolbar) do what they say on Enter and Space, as everywhere else: not a cell's keys.
  if (input.onButton || !position) return IGNORE;
  if (!readOnly && input.alt && (key === 'ArrowUp' || key === 'ArrowDown')) return { kind: 'move-row', delta: key === 'ArrowUp' ? -1 : 1 };
  if (input.inSelect) return selectPlan(input, position);
  if (input.editing) return editingPlan(input, position, input.editing);
  return navigationPlan(input, position);
}

/** The select of a choice cell handles its own keys (arrows, Enter to choose); Esc and Tab leave it. */
function selectPlan(input: KeyInput, position: Position): KeyPlan {
  if (!input.editing) return IGNORE;
  if (input.key === 'Escape') return { kind: 'cancel' };
  if (input.key === 'Tab') return { kind: 'close-move', to: tabTarget(input.columns, position, input.rowCount, input.shift) };
  return IGNORE;
}

function editingPlan(input: KeyInput, { row, col }: Position, mode: 'replace' | 'edit'): KeyPlan {
  const { key, columns } = input;
  const lastRow = input.rowCount - 1;
  switch (key) {
    case 'Escape':
      return { kind: 'cancel' };
    case 'Enter':
      return { kind: 'commit', prevent: true, then: { row: input.shift ? Math.max(0, row - 1) : Math.min(lastRow, row + 1), col } };
    case 'Tab':
      return { kind: 'commit', prevent: false, then: tabTarget(columns, { row, col }, input.rowCount, input.shift) };
    case 'ArrowUp':
    case 'ArrowDown':
      return { kind: 'commit', prevent: true, then: { row: key === 'ArrowUp' ? Math.max(0, row - 1) : Math.min(lastRow, row + 1), col } };
    case 'ArrowLeft':
    case 'ArrowRight':
      // Editing begun by Enter, F2 or a click: ←/→ move the caret. Begun by typing: they leave the cell.
      if (mode !== 'replace') return IGNORE;
      return { kind: 'commit', prevent: true, then: { row, col: key === 'ArrowLeft' ? Math.max(0, col - 1) : Math.min(columns.length - 1, col + 1) } };
    default:
      return IGNORE;
  }
}

/** Not editing: the keys of a spreadsheet. */
function navigationPlan(input: KeyInput, position: Position): KeyPlan {
  const { key, mod, readOnly } = input;
  const moved = movement(input, position);
  if (moved) return { kind: 'move', to: moved };
  const { row, col } = position;
  const editable = canEditColumn(input.columns, col, readOnly);
  switch (key) {
    case 'Tab': {
      const to = tabTarget(input.columns, position, input.rowCount, input.shift);
      return to ? { kind: 'move', to } : IGNORE;
    }
    case 'Enter':
    case 'F2':
      if (editable) return { kind: 'edit', at: position };
      return key === 'Enter' ? { kind: 'move', to: { row: Math.min(input.rowCount - 1, row + 1), col } } : { kind: 'prevent' };
    case 'Delete':
    case 'Backspace':
      if (readOnly) return IGNORE;
      if (mod && key === 'Delete') return { kind: 'delete-row' };
      return editable ? { kind: 'clear', at: position } : { kind: 'prevent' };
    default:
      break;
  }
  if (mod && !input.alt && !readOnly) {
    const lower = key.toLowerCase();
    if (lower === 'z') return { kind: input.shift ? 'redo' : 'undo' };
    if (lower === 'y') return { kind: 'redo' };
  }
  // A printable key types into the cell's input (its change starts the edit), so the first character, or
  // Chinese from an IME, is never dropped.
  return IGNORE;
}

/** Arrows, Home, End, PageUp and PageDown (Ctrl goes to the table's edges); null for other keys. */
function movement({ key, mod, rowCount, columns }: KeyInput, { row, col }: Position): Position | null {
  const lastRow = rowCount - 1;
  const lastCol = columns.length - 1;
  switch (key) {
    case 'ArrowUp':
      return { row: mod ? 0 : Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: mod ? lastRow : Math.min(lastRow, row + 1), col };
    case 'ArrowLeft':
      return { row, col: mod ? 0 : Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: mod ? lastCol : Math.min(lastCol, col + 1) };
    case 'Home':
      return { row: mod ? 0 : row, col: 0 };
    case 'End':
      return { row: mod ? lastRow : row, col: lastCol };
    case 'PageUp':
      return { row: Math.max(0, row - PAGE_ROWS), col };
    case 'PageDown':
      return { row: Math.min(lastRow, row + PAGE_ROWS), col };
    default:
      return null;
  }
}
