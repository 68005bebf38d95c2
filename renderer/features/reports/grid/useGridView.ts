import { useMemo, useRef } from 'react';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import type { Editing } from './grid-editing';
import { isChoiceColumn } from './grid-model';
import { buildGridView, type GridView, type PendingText, type RowView } from './grid-view';

/** What every cell shows, recomputed as the user types; rows whose view is unchanged keep their objects (and skip rendering). */
export function useGridView(table: TableDef, rows: TableRow[], invalid: ReadonlyMap<string, string>, editing: Editing | null): GridView {
  const viewCache = useRef<ReadonlyMap<string, RowView>>(new Map());
  const columns = table.columns;
  const pending: PendingText | null = useMemo(() => {
    if (!editing) return null;
    const column = columns.find((candidate) => candidate.key === editing.key);
    return column && !isChoiceColumn(column) ? { rowId: editing.rowId, key: editing.key, text: editing.text } : null;
  }, [editing, columns]);
  return useMemo(() => {
    const built = buildGridView(table, rows, invalid, pending, viewCache.current);
    viewCache.current = new Map(built.rows.map((row) => [row.id, row]));
    return built;
  }, [table, rows, invalid, pending]);
}
