import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import { CellEditor } from './CellEditor';
import type { Position } from './grid-keys';
import { isComputedColumn, nextInputColumn } from './grid-model';
import type { GridView } from './grid-view';
import { GridTable } from './GridTable';
import { GridToolbar } from './GridToolbar';
import { ImportXlsxDialog } from './ImportXlsxDialog';
import { useCellEditing } from './useCellEditing';
import { useGridClipboard } from './useGridClipboard';
import { useActiveCellFocus, useGridCursor } from './useGridCursor';
import { useGridKeys, useGridMouse } from './useGridKeys';
import { useGridRows } from './useGridRows';
import { explanationOf, useGridText, type GridText } from './useGridText';
import { useGridView } from './useGridView';
import { useRowActions } from './useRowActions';
import { useVirtualRows } from './useVirtualRows';
import './grid.css';

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

/**
 * The data-table grid of the drafting editor: a small spreadsheet over a template's table. Input cells
 * are edited in place (typing replaces, Enter/F2/click edits, Esc cancels, Enter/Tab commit and move);
 * computed columns are recomputed on every keystroke by the formula engine and shown read-only.
 * Rows can be added, inserted, moved and deleted (with undo); blocks pasted from Excel or WPS fill input
 * columns right and down; 从 Excel 导入 maps sheet columns onto input columns.
 */
export function DataTableGrid({ table, rows, onChange, readOnly = false, sectionId, title }: DataTableGridProps) {
  const { t } = useTranslation();
  const columns = table.columns;
  const errorId = useId();
  const [importOpen, setImportOpen] = useState(false);
  const [choiceSearch, setChoiceSearch] = useState('');
  const [composing, setComposing] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const grid = useGridRows(rows, onChange);
  const cursor = useGridCursor(rows.length, columns.length);
  const edit = useCellEditing(columns, readOnly, grid, cursor);
  const text = useGridText(columns);
  const view = useGridView(table, rows, grid.invalid, edit.editing);
  const drawn = useVirtualRows(view.rows.length, scrollRef, tableRef);
  useActiveCellFocus(cursor, { tableRef, addButtonRef, virtual: drawn.virtual, scrollToRow: drawn.scrollToRow });

  const firstInput = nextInputColumn(columns, -1, 1) ?? 0;
  // Events are delegated to the container; portals such as dialogs and dropdowns are ignored.
  const inGrid = (target: EventTarget | null) => !!target && !!containerRef.current?.contains(target as Node);
  const actions = useRowActions(sectionId, firstInput, grid, cursor, edit);
  const clipboard = useGridClipboard({ table, rows, sectionId, readOnly, firstInput, view, headers: text.headers, inGrid }, grid, cursor, edit);
  const input = { columns, rows, readOnly, firstInput, inGrid, table: () => tableRef.current };
  const onKeyDown = useGridKeys(input, grid, cursor, edit, actions);
  const mouse = useGridMouse(input, cursor, edit);

  const { position } = cursor;
  const editor = position ? (
    <CellEditor
      position={position}
      column={columns[position.col]}
      row={rows[position.row]}
      cellView={view.rows[position.row].cells[position.col]}
      text={text}
      sectionId={sectionId}
      errorId={errorId}
      edit={edit}
      state={{ choiceSearch, setChoiceSearch, composing, setComposing }}
    />
  ) : null;

  return (
    <div className="rd-grid" ref={containerRef} onKeyDown={onKeyDown} {...mouse} onCopy={clipboard.onCopy} onCut={clipboard.onCut} onPaste={clipboard.onPaste}>
      {!readOnly && (
        <GridToolbar sectionId={sectionId} position={position} rowCount={rows.length} actions={actions} onImport={() => setImportOpen(true)} />
      )}
      {grid.refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => grid.setRefusal(null)}
          message={<span data-testid={`grid-refusal-${sectionId}`}>{grid.refusal}</span>}
        />
      )}
      <div className="rd-grid-scroll" ref={scrollRef}>
        <GridTable {...{ table, view, text, sectionId, title, readOnly, position, editor, drawn, tableRef }} />
        {rows.length === 0 && <div className="rd-grid-empty">{readOnly ? t('grid.emptyValue') : t('grid.empty')}</div>}
      </div>
      {!readOnly && (
        <Tooltip title={t('grid.addRowHint')}>
          <Button
            ref={addButtonRef}
            className="rd-grid-add"
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => actions.addRow()}
            data-testid={`grid-add-row-${sectionId}`}
          >
            {t('grid.addRow')}
          </Button>
        </Tooltip>
      )}
      <div className="rd-grid-footer">
        <span className="rd-grid-status" data-testid={`grid-status-${sectionId}`}>
          {statusText(table, view, text, position, t)}
        </span>
        {!readOnly && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('grid.pasteHint')}</Typography.Text>}
      </div>
      {!readOnly && (
        <ImportXlsxDialog
          open={importOpen}
          table={table}
          title={title}
          onCancel={() => setImportOpen(false)}
          onImport={(result, mode) => {
            clipboard.importRows(result, mode);
            setImportOpen(false);
          }}
        />
      )}
    </div>
  );
}

/** The status line: the active cell, a computed column's formula, and why the cell shows no value. */
function statusText(table: TableDef, view: GridView, text: GridText, position: Position | null, t: (key: string, options?: Record<string, unknown>) => string): string {
  const column = position ? table.columns[position.col] : null;
  const cell = position ? view.rows[position.row]?.cells[position.col] : undefined;
  if (!position || !column || !cell) return '';
  return [
    t('grid.status', { row: position.row + 1, column: text.headers[position.col] }),
    isComputedColumn(column) ? t('grid.computedColumn', { formula: column.formula }) : null,
    explanationOf(cell, column, text) ?? null,
  ]
    .filter(Boolean)
    .join(' · ');
}
