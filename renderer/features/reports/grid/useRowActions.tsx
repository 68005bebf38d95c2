import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { maxTableRows, type TableRow } from '../../../../electron/core/common/schemas/report';
import { emptyRow, insertRowAt, moveRow, removeRowAt } from './grid-model';
import type { CellEditing } from './useCellEditing';
import type { GridCursor } from './useGridCursor';
import type { GridRows } from './useGridRows';

export interface RowActions {
  /** Add a blank row at `at` (at the end without it); refused out loud when the table is full. */
  addRow: (at?: number) => void;
  /** Delete the active row, with 撤销 in the message. */
  deleteRow: () => void;
  /** Move the active row up or down. */
  moveRowBy: (delta: -1 | 1) => void;
  undoOrRedo: (which: 'undo' | 'redo') => void;
}

export function newId(): string {
  return crypto.randomUUID();
}

/** Adding, deleting, moving rows, and undo/redo, as the toolbar and the keyboard ask. */
export function useRowActions(sectionId: string, firstInput: number, grid: GridRows, cursor: GridCursor, edit: CellEditing): RowActions {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { rowsRef, commitRows } = grid;
  const { position, moveTo } = cursor;
  const messageKey = `grid-${sectionId}`;

  const addRow = (at?: number) => {
    edit.finishEditing('leave');
    const current = rowsRef.current;
    if (current.length >= maxTableRows) {
      grid.setRefusal(t('grid.tableFull', { max: maxTableRows }));
      return;
    }
    const index = at ?? current.length;
    commitRows(insertRowAt(current, index, emptyRow(newId())));
    moveTo(Math.min(index, current.length), firstInput);
  };

  const restoreRow = (row: TableRow, index: number) => {
    const current = rowsRef.current;
    if (current.some((candidate) => candidate.id === row.id)) return;
    commitRows(insertRowAt(current, index, row));
    message.success({ content: t('grid.undone'), key: messageKey });
    moveTo(Math.min(index, current.length), position?.col ?? firstInput);
  };

  const deleteRow = () => {
    if (!position) return;
    edit.setEditing(null);
    const current = rowsRef.current;
    const index = position.row;
    const removed = current[index];
    if (!removed) return;
    commitRows(removeRowAt(current, index));
    message.info({
      key: messageKey,
      duration: 6,
      content: (
        <span data-testid="grid-row-deleted">
          {t('grid.rowDeleted', { row: index + 1 })}
          <Button type="link" size="small" onClick={() => restoreRow(removed, index)}>
            {t('grid.undo')}
          </Button>
        </span>
      ),
    });
    moveTo(Math.max(0, Math.min(index, current.length - 2)), position.col);
  };

  const moveRowBy = (delta: -1 | 1) => {
    if (!position) return;
    edit.finishEditing('leave');
    const target = position.row + delta;
    if (target < 0 || target >= rowsRef.current.length) return;
    commitRows(moveRow(rowsRef.current, position.row, target));
    moveTo(target, position.col);
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    if (!grid.undoOrRedo(which)) {
      // Something else changed the rows since (another section, a reload): the history no longer applies.
      message.info({ content: t('grid.nothingToUndo'), key: messageKey });
      return;
    }
    cursor.focusRequest.current = true;
  };

  return { addRow, deleteRow, moveRowBy, undoOrRedo };
}
