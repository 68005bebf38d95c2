import { useLayoutEffect, useRef, useState, type MutableRefObject, type RefObject } from 'react';
import { clampPosition, type Position } from './grid-keys';

export type CaretRequest = 'end' | 'all' | null;

export interface GridCursor {
  /** The active cell kept inside the table; null when the table has no rows. */
  position: Position | null;
  setActive: (position: Position) => void;
  /** Set to move keyboard focus to the active cell after the next render. */
  focusRequest: MutableRefObject<boolean>;
  /** Where the caret goes in the editor the focus lands in. */
  caretRequest: MutableRefObject<CaretRequest>;
  /** Make a cell active and give it the keyboard. */
  moveTo: (row: number, col: number) => void;
}

export function useGridCursor(rowCount: number, columnCount: number): GridCursor {
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const focusRequest = useRef(false);
  const caretRequest = useRef<CaretRequest>(null);
  const moveTo = (row: number, col: number) => {
    setActive({ row, col });
    focusRequest.current = true;
  };
  return { position: clampPosition(active, rowCount, columnCount), setActive, focusRequest, caretRequest, moveTo };
}

export interface FocusTargets {
  tableRef: RefObject<HTMLTableElement | null>;
  addButtonRef: RefObject<HTMLButtonElement | null>;
  /** Whether rows are virtualised, and how to bring one into view. */
  virtual: boolean;
  scrollToRow: (row: number) => void;
}

/** Move keyboard focus to the active cell after a keyboard or mouse action asked for it. */
export function useActiveCellFocus(cursor: GridCursor, { tableRef, addButtonRef, virtual, scrollToRow }: FocusTargets): void {
  const { position, focusRequest, caretRequest } = cursor;
  useLayoutEffect(() => {
    if (!focusRequest.current) return;
    focusRequest.current = false;
    if (!position) {
      // The last row was deleted: keep the keyboard in the table, on its add button.
      addButtonRef.current?.focus();
      return;
    }
    const cell = tableRef.current?.querySelector<HTMLElement>(`td[data-row="${position.row}"][data-col="${position.col}"]`);
    if (!cell && virtual) {
      // Not drawn yet: bring its row into view, then focus it on the render that draws it.
      scrollToRow(position.row);
      focusRequest.current = true;
      return;
    }
    if (!cell) return;
    cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    const input = cell.querySelector<HTMLInputElement>('input.rd-grid-input');
    if (!input) return;
    input.focus({ preventScroll: true });
    const caret = caretRequest.current;
    caretRequest.current = null;
    if (caret === 'all') input.select();
    else if (caret === 'end') input.setSelectionRange(input.value.length, input.value.length);
  });
}
