import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useRef } from 'react';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import { isChoiceColumn } from './grid-model';
import { planKey, type Position } from './grid-keys';
import type { CellEditing } from './useCellEditing';
import type { GridCursor } from './useGridCursor';
import type { GridRows } from './useGridRows';
import type { RowActions } from './useRowActions';

export interface GridInput {
  columns: ColumnDef[];
  /** The rows as last rendered. */
  rows: TableRow[];
  readOnly: boolean;
  firstInput: number;
  /** Whether an event comes from the grid itself (not a portal such as a dialog or a dropdown). */
  inGrid: (target: EventTarget | null) => boolean;
  /** The table element (clicks count only on its cells). */
  table: () => HTMLTableElement | null;
}

/**
 * The grid's keyboard (delegated to its container): planKey decides, this carries the plan out. Keys of an IME
 * composition (Chinese being typed) pass untouched.
 */
export function useGridKeys(input: GridInput, grid: GridRows, cursor: GridCursor, edit: CellEditing, actions: RowActions) {
  const { position, moveTo } = cursor;
  return (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!input.inGrid(event.target) || event.nativeEvent.isComposing || event.key === 'Process') return;
    const target = event.target as HTMLElement;
    const plan = planKey({
      key: event.key,
      mod: event.ctrlKey || event.metaKey,
      shift: event.shiftKey,
      alt: event.altKey,
      onButton: !!target.closest('button'),
      inSelect: !!target.closest('.rd-grid-select'),
      readOnly: input.readOnly,
      columns: input.columns,
      rowCount: input.rows.length,
      position,
      editing: edit.editingRef.current?.mode ?? null,
    });
    if (plan.kind === 'ignore') return;
    if (plan.kind === 'store-typed') {
      edit.finishEditing('leave');
      return;
    }
    if (plan.kind === 'close-move') {
      edit.setEditing(null);
      if (plan.to) {
        event.preventDefault();
        moveTo(plan.to.row, plan.to.col);
      }
      return;
    }
    if (plan.kind === 'commit') {
      if (plan.prevent) event.preventDefault();
      if (!edit.finishEditing('keyboard')) {
        event.preventDefault();
      } else if (plan.then) {
        event.preventDefault();
        moveTo(plan.then.row, plan.then.col);
      }
      return;
    }
    event.preventDefault();
    switch (plan.kind) {
      case 'add-row':
        return actions.addRow(plan.at);
      case 'move-row':
        return actions.moveRowBy(plan.delta);
      case 'cancel':
        return edit.cancelEditing();
      case 'move':
        return moveTo(plan.to.row, plan.to.col);
      case 'edit':
        return edit.startEditing(plan.at.row, plan.at.col, 'edit');
      case 'clear':
        return grid.storeCell(input.rows[plan.at.row].id, input.columns[plan.at.col].key, null);
      case 'delete-row':
        return actions.deleteRow();
      case 'undo':
      case 'redo':
        return actions.undoOrRedo(plan.kind);
      default:
        return;
    }
  };
}

/** Clicks: a click selects a cell and edits an input cell; a choice cell's list opens on the click that follows. */
export function useGridMouse(input: GridInput, cursor: GridCursor, edit: CellEditing) {
  const choiceClick = useRef<Position | null>(null);
  const { position, moveTo } = cursor;

  const onMouseDown = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !input.inGrid(event.target)) return;
    const target = event.target as HTMLElement;
    // Clicks inside a live editor place the caret or pick an option.
    if (target.closest('.rd-grid-input.is-editing, .rd-grid-select')) return;
    const cell = target.closest<HTMLElement>('[data-row][data-col]');
    if (!cell || !input.table()?.contains(cell)) return;
    event.preventDefault();
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    edit.finishEditing('leave');
    if (col < 0) {
      moveTo(row, position?.col ?? input.firstInput);
      return;
    }
    if (edit.canEdit(col) && isChoiceColumn(input.columns[col])) {
      // The list opens on the click that follows: opened now, that click would close it again.
      choiceClick.current = { row, col };
      moveTo(row, col);
    } else if (edit.canEdit(col)) edit.startEditing(row, col, 'edit', undefined, 'all');
    else moveTo(row, col);
  };

  const onClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    const pending = choiceClick.current;
    choiceClick.current = null;
    if (!pending || !input.inGrid(event.target)) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
    if (cell && Number(cell.dataset.row) === pending.row && Number(cell.dataset.col) === pending.col) {
      edit.startEditing(pending.row, pending.col, 'edit');
    }
  };

  return { onMouseDown, onClick };
}
