import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import { beginEditing, endEditing, type Editing } from './grid-editing';
import { canEditColumn } from './grid-keys';
import type { GridCursor } from './useGridCursor';
import type { GridRows } from './useGridRows';
import { cellKey } from './grid-view';

export interface CellEditing {
  editing: Editing | null;
  /** The edit as of now (state lags a render behind within one event). */
  editingRef: MutableRefObject<Editing | null>;
  setEditing: (next: Editing | null) => void;
  canEdit: (col: number) => boolean;
  startEditing: (row: number, col: number, mode: Editing['mode'], typed?: string, caret?: 'end' | 'all') => void;
  /**
   * End editing. From the keyboard an invalid entry keeps the editor open (returns false); when the
   * user leaves the cell another way, the text is kept, marked red, and the cell stores nothing.
   */
  finishEditing: (how: 'keyboard' | 'leave') => boolean;
  cancelEditing: () => void;
  /** A choice made in a select cell (null when cleared); the select closes and the cell keeps focus. */
  chooseOption: (rowId: string, key: string, value: string | null) => void;
}

/** The editing of the active cell: typing, Enter/F2/click, Esc, and storing or keeping what was typed. */
export function useCellEditing(columns: ColumnDef[], readOnly: boolean, grid: GridRows, cursor: GridCursor): CellEditing {
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const { rowsRef, invalid, storeCell } = grid;

  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  const canEdit = (col: number) => canEditColumn(columns, col, readOnly);

  const startEditing: CellEditing['startEditing'] = (row, col, mode, typed, caret = 'end') => {
    if (!canEdit(col)) return;
    const target = rowsRef.current[row];
    if (!target) return;
    const column = columns[col];
    cursor.setActive({ row, col });
    setEditing(beginEditing(target, column, mode, invalid.get(cellKey(target.id, column.key)), typed));
    cursor.focusRequest.current = true;
    cursor.caretRequest.current = typed === undefined ? caret : null;
  };

  const finishEditing = (how: 'keyboard' | 'leave'): boolean => {
    const current = editingRef.current;
    if (!current) return true;
    const end = endEditing(columns, current, how);
    if (end.kind === 'keep-open') return false;
    setEditing(null);
    if (end.kind === 'store') storeCell(current.rowId, current.key, end.value);
    else if (end.kind === 'keep-invalid') storeCell(current.rowId, current.key, null, end.text);
    return true;
  };

  const cancelEditing = () => {
    setEditing(null);
    cursor.focusRequest.current = true;
  };

  // A reload or a closed window while a cell is being typed in: the typed text goes into the table first, so the
  // document's autosave (whose listener is registered after this one) holds it and saves it, as it does rich text.
  const finishEditingRef = useRef(finishEditing);
  finishEditingRef.current = finishEditing;
  useEffect(() => {
    const keepTyped = () => {
      if (editingRef.current) finishEditingRef.current('leave');
    };
    window.addEventListener('beforeunload', keepTyped);
    return () => window.removeEventListener('beforeunload', keepTyped);
  }, []);

  const chooseOption = (rowId: string, key: string, value: string | null) => {
    setEditing(null);
    storeCell(rowId, key, value);
    cursor.focusRequest.current = true;
  };

  return { editing, editingRef, setEditing, canEdit, startEditing, finishEditing, cancelEditing, chooseOption };
}
