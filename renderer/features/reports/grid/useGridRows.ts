import { useLayoutEffect, useRef, useState, type MutableRefObject } from 'react';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { CellValue } from '../../../../electron/core/common/schemas/template';
import { emptyHistory, recordChange, stepHistory, type History } from './grid-history';
import { withCell, type RejectedCell } from './grid-model';
import { cellKey } from './grid-view';

export interface GridRows {
  /** The rows the grid last handed to onChange; current until the parent passes new ones back. */
  rowsRef: MutableRefObject<TableRow[]>;
  /** Invalid texts kept over blank cells for the user to fix, by cellKey. */
  invalid: ReadonlyMap<string, string>;
  /** Why the last paste or new row was refused (the table is full), shown beside the table; cleared by the next edit. */
  refusal: string | null;
  setRefusal: (refusal: string | null) => void;
  /** Hand new rows to the owner, with undo. */
  commitRows: (next: TableRow[]) => void;
  setInvalidTexts: (remove: string[], add: RejectedCell[]) => void;
  /** Store one cell's value (null clears it); `keepText` keeps an invalid text shown over the blank cell. */
  storeCell: (rowId: string, key: string, value: CellValue, keepText?: string) => void;
  /** Undo or redo one change; false when the history no longer applies (it is then emptied). */
  undoOrRedo: (which: 'undo' | 'redo') => boolean;
}

/** The grid's rows as it changes them: every change goes to the owner and onto the undo history. */
export function useGridRows(rows: TableRow[], onChange: (rows: TableRow[]) => void): GridRows {
  const [invalid, setInvalid] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const rowsRef = useRef(rows);
  const history = useRef<History>(emptyHistory());

  useLayoutEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  const commitRows = (next: TableRow[]) => {
    const before = rowsRef.current;
    if (next === before) return;
    setRefusal(null);
    history.current = recordChange(history.current, { before, after: next });
    rowsRef.current = next;
    onChange(next);
  };

  const setInvalidTexts = (remove: string[], add: RejectedCell[]) => {
    if (remove.length === 0 && add.length === 0) return;
    setInvalid((current) => {
      if (add.length === 0 && !remove.some((key) => current.has(key))) return current;
      const next = new Map(current);
      for (const key of remove) next.delete(key);
      for (const cell of add) next.set(cellKey(cell.rowId, cell.key), cell.text);
      return next;
    });
  };

  const storeCell = (rowId: string, key: string, value: CellValue, keepText?: string) => {
    if (keepText === undefined) setInvalidTexts([cellKey(rowId, key)], []);
    else setInvalidTexts([], [{ rowId, key, text: keepText, problem: 'number' }]);
    const current = rowsRef.current;
    const index = current.findIndex((row) => row.id === rowId);
    if (index === -1) return;
    const before = current[index].cells[key] ?? null;
    if (before === value) return;
    const next = [...current];
    next[index] = withCell(current[index], key, value);
    commitRows(next);
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    const step = stepHistory(history.current, which, rowsRef.current);
    history.current = step.history;
    if (!step.ok) return false;
    rowsRef.current = step.rows;
    onChange(step.rows);
    return true;
  };

  return { rowsRef, invalid, refusal, setRefusal, commitRows, setInvalidTexts, storeCell, undoOrRedo };
}
