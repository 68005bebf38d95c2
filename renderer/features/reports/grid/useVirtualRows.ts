import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Tables longer than this draw only the rows in view (plus a margin) inside their scroll box: 5,000 pasted rows
 * would otherwise be 65,000 cells in the page, and every keystroke would wait for them.
 */
export const VIRTUAL_FROM = 80;

export interface VirtualRows {
  virtual: boolean;
  /** Indexes of the rows drawn, in order. */
  drawnRows: number[];
  /** Heights of the spacers standing in for the rows not drawn above and below. */
  padTop: number;
  padBottom: number;
  scrollToRow: (row: number) => void;
}

/** Long tables: only the rows in view are in the page (@tanstack/react-virtual). Row height is measured from a drawn row. */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLDivElement | null>, tableRef: RefObject<HTMLTableElement | null>): VirtualRows {
  const virtual = count > VIRTUAL_FROM;
  const [rowHeight, setRowHeight] = useState(35);
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  useLayoutEffect(() => {
    if (!virtual) return;
    const drawn = tableRef.current?.querySelector<HTMLElement>('tbody tr[data-grid-row]');
    const height = drawn?.getBoundingClientRect().height;
    if (height && Math.abs(height - rowHeight) > 0.5) {
      setRowHeight(height);
      virtualizer.measure();
    }
  });
  const drawnRows = virtual ? virtualizer.getVirtualItems().map((item) => item.index) : Array.from({ length: count }, (_, index) => index);
  const padTop = virtual && drawnRows.length ? drawnRows[0]! * rowHeight : 0;
  const padBottom = virtual && drawnRows.length ? (count - 1 - drawnRows[drawnRows.length - 1]!) * rowHeight : 0;
  return { virtual, drawnRows, padTop, padBottom, scrollToRow: (row) => virtualizer.scrollToIndex(row, { align: 'auto' }) };
}
