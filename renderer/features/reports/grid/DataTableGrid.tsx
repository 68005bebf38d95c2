import type { TableDef } from '../../../../electron/core/templates/schema';
import type { TableRow } from '../../../../electron/core/reports/schema';

export interface DataTableGridProps {
  /** The table's definition from the template (columns, computed formulas, totals row). */
  table: TableDef;
  rows: TableRow[];
  /** Called with the new rows after every edit (cell, add, remove, reorder, paste, import). */
  onChange: (rows: TableRow[]) => void;
  readOnly?: boolean;
  /** Section id, used for test ids and anchors (data-cell="<sectionId>:<rowId>:<columnKey>"). */
  sectionId: string;
  /** Title for dialogs and labels. */
  title: string;
}

/** Placeholder to be replaced by the grid implementation (being written now). */
export function DataTableGrid(_props: DataTableGridProps) {
  return null;
}
