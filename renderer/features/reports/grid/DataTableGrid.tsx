import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  InsertRowBelowOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Tooltip, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useId,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent as ReactClipboardEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { FormulaMarker } from '../../../../electron/core/common/formula';
import { maxTableRows, type TableRow } from '../../../../electron/core/common/schemas/report';
import type { CellValue, ColumnDef, TableDef } from '../../../../electron/core/common/schemas/template';
import type { ImportResult } from './column-mapping';
import {
  MAXIMUM_TEXT_LENGTH,
  applyPaste,
  editText,
  emptyRow,
  insertRowAt,
  isChoiceColumn,
  isComputedColumn,
  isNumericColumn,
  moveRow,
  nextInputColumn,
  parseInput,
  removeRowAt,
  withCell,
  type InputProblem,
  type RejectedCell,
} from './grid-model';
import { buildGridView, cellKey, type CellView, type PendingText, type RowView } from './grid-view';
import { ImportXlsxDialog, columnHeader, type ImportMode } from './ImportXlsxDialog';
import { isBlock, parseTsv } from './tsv';
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

interface Position {
  row: number;
  col: number;
}

/** The cell being edited. 'replace' began by typing (←/→ leave the cell); 'edit' by Enter, F2 or a click (←/→ move the caret). */
interface Editing {
  rowId: string;
  key: string;
  text: string;
  mode: 'replace' | 'edit';
}

interface Change {
  before: TableRow[];
  after: TableRow[];
}

const UNDO_LIMIT = 100;
const PAGE_ROWS = 10;

/** Localised texts the rows need, built once per language so memoised rows keep their props. */
interface GridText {
  headers: string[];
  marker: Record<FormulaMarker, string>;
  problem: (column: ColumnDef, problem: InputProblem) => string;
  cell: (row: number, header: string, value: string, note?: string) => string;
  total: (header: string, value: string, note?: string) => string;
}

/**
 * Tables longer than this draw only the rows in view (plus a margin) inside their scroll box: 5,000 pasted rows
 * would otherwise be 65,000 cells in the page, and every keystroke would wait for them.
 */
const VIRTUAL_FROM = 80;

function newId(): string {
  return crypto.randomUUID();
}

function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function hasContent(row: TableRow): boolean {
  return Object.values(row.cells).some((value) => value !== null && value !== undefined && String(value).trim() !== '');
}

function explanationOf(cell: CellView, column: ColumnDef, text: GridText): string | undefined {
  if (cell.marker) return text.marker[cell.marker];
  if (cell.problem) return text.problem(column, cell.problem);
  return undefined;
}

interface GridRowProps {
  view: RowView;
  index: number;
  columns: ColumnDef[];
  text: GridText;
  sectionId: string;
  /** Column index of the active cell when this is the active row, else -1. */
  activeColumn: number;
  /** The active cell's editor (only for the active row). */
  editor: ReactNode;
}

/** One table row; memoised so a keystroke re-renders only rows whose displayed values change. */
const GridRow = memo(function GridRow({ view, index, columns, text, sectionId, activeColumn, editor }: GridRowProps) {
  return (
    <tr aria-rowindex={index + 2} className={activeColumn >= 0 ? 'rd-grid-row-active' : undefined} data-grid-row={index}>
      <th scope="row" role="rowheader" className="rd-grid-rownum" data-row={index} data-col={-1}>
        {index + 1}
      </th>
      {columns.map((column, col) => {
        const cell = view.cells[col];
        const computed = isComputedColumn(column);
        const active = col === activeColumn;
        const note = explanationOf(cell, column, text);
        const content = note ? (
          <Tooltip title={note}>
            <span className={cell.marker ? classNames('rd-grid-marker', cell.marker === 'error' && 'rd-grid-marker-error') : 'rd-grid-problem'}>
              {cell.text}
            </span>
          </Tooltip>
        ) : (
          cell.text
        );
        return (
          <td
            key={column.key}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={active}
            aria-readonly={computed || undefined}
            aria-invalid={cell.problem ? true : undefined}
            aria-label={text.cell(index + 1, text.headers[col], cell.text, note)}
            data-cell={`${sectionId}:${view.id}:${column.key}`}
            data-row={index}
            data-col={col}
            className={classNames(
              'rd-grid-cell',
              isNumericColumn(column) && 'rd-grid-num',
              computed && 'rd-grid-computed',
              active && 'rd-grid-active',
              cell.problem && 'rd-grid-invalid',
            )}
          >
            <div className="rd-grid-value">{content}</div>
            {active ? editor : null}
          </td>
        );
      })}
    </tr>
  );
});

/**
 * The data-table grid of the drafting editor: a small spreadsheet over a template's table. Input cells
 * are edited in place (typing replaces, Enter/F2/click edits, Esc cancels, Enter/Tab commit and move);
 * computed columns are recomputed on every keystroke by the formula engine and shown read-only.
 * Rows can be added, inserted, moved and deleted (with undo); blocks pasted from Excel or WPS fill input
 * columns right and down; 从 Excel 导入 maps sheet columns onto input columns.
 */
export function DataTableGrid({ table, rows, onChange, readOnly = false, sectionId, title }: DataTableGridProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const columns = table.columns;
  const errorId = useId();

  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const [invalid, setInvalid] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [importOpen, setImportOpen] = useState(false);
  /** Why the last paste or new row was refused (the table is full), shown beside the table; cleared by the next edit. */
  const [refusal, setRefusal] = useState<string | null>(null);
  /** What is typed into a choice cell's search: a value outside the options is refused out loud, not dropped. */
  const [choiceSearch, setChoiceSearch] = useState('');

  const containerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const editingRef = useRef<Editing | null>(null);
  const rowsRef = useRef(rows);
  const focusRequest = useRef(false);
  const caretRequest = useRef<'end' | 'all' | null>(null);
  const history = useRef<{ undo: Change[]; redo: Change[] }>({ undo: [], redo: [] });
  const viewCache = useRef<ReadonlyMap<string, RowView>>(new Map());
  const choiceClick = useRef<Position | null>(null);
  /** An IME composition is under way in the active cell's input: a choice cell opens its list only when it ends. */
  const [composing, setComposing] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  // Rows the grid last handed to onChange stay current until the parent passes new ones back.
  useLayoutEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  const position: Position | null = rows.length
    ? { row: Math.min(active.row, rows.length - 1), col: Math.min(Math.max(active.col, 0), columns.length - 1) }
    : null;
  const firstInput = nextInputColumn(columns, -1, 1) ?? 0;

  const text = useMemo<GridText>(() => {
    const problemKeys: Record<InputProblem, string> = {
      number: 'grid.invalidNumber',
      integer: 'grid.invalidInteger',
      percent: 'grid.invalidPercent',
      date: 'grid.invalidDate',
      option: 'grid.invalidOption',
      'too-long': 'grid.tooLong',
    };
    return {
      headers: columns.map((column) => columnHeader(column, t)),
      marker: { div0: t('grid.markerDiv0'), empty: t('grid.markerEmpty'), error: t('grid.markerError') },
      problem: (column, problem) => t(problemKeys[problem], { options: (column.options ?? []).join('、'), max: MAXIMUM_TEXT_LENGTH }),
      cell: (row, header, value, note) =>
        t('grid.cellLabel', { row, column: header, value: value || t('grid.emptyValue') }) + (note ? `（${note}）` : ''),
      total: (header, value, note) => t('grid.totalsLabel', { column: header, value: value || t('grid.emptyValue') }) + (note ? `（${note}）` : ''),
    };
    // i18n.language is a dependency: the texts change with the language even when `t` keeps its identity.
  }, [t, i18n.language, columns]);

  const pending: PendingText | null = useMemo(() => {
    if (!editing) return null;
    const column = columns.find((candidate) => candidate.key === editing.key);
    return column && !isChoiceColumn(column) ? { rowId: editing.rowId, key: editing.key, text: editing.text } : null;
  }, [editing, columns]);

  const view = useMemo(() => {
    const built = buildGridView(table, rows, invalid, pending, viewCache.current);
    viewCache.current = new Map(built.rows.map((row) => [row.id, row]));
    return built;
  }, [table, rows, invalid, pending]);

  // Long tables: only the rows in view are in the page. Row height is measured from a drawn row.
  const virtual = view.rows.length > VIRTUAL_FROM;
  const [rowHeight, setRowHeight] = useState(35);
  const virtualizer = useVirtualizer({
    count: virtual ? view.rows.length : 0,
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
  const drawnRows = virtual ? virtualizer.getVirtualItems().map((item) => item.index) : view.rows.map((_, index) => index);
  const padTop = virtual && drawnRows.length ? drawnRows[0]! * rowHeight : 0;
  const padBottom = virtual && drawnRows.length ? (view.rows.length - 1 - drawnRows[drawnRows.length - 1]!) * rowHeight : 0;

  // Move keyboard focus to the active cell after a keyboard or mouse action asked for it.
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
      virtualizer.scrollToIndex(position.row, { align: 'auto' });
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

  // ---- changing rows -------------------------------------------------------------------------------

  const commitRows = (next: TableRow[]) => {
    const before = rowsRef.current;
    if (next === before) return;
    setRefusal(null);
    const stack = history.current;
    stack.undo.push({ before, after: next });
    if (stack.undo.length > UNDO_LIMIT) stack.undo.shift();
    stack.redo = [];
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

  /** Store one cell's value (null clears it); `keepText` keeps an invalid text shown over the blank cell. */
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

  const moveTo = (row: number, col: number) => {
    setActive({ row, col });
    focusRequest.current = true;
  };

  // ---- editing -------------------------------------------------------------------------------------

  const canEdit = (col: number) => !readOnly && col >= 0 && col < columns.length && !isComputedColumn(columns[col]);

  const startEditing = (row: number, col: number, mode: Editing['mode'], typed?: string, caret: 'end' | 'all' = 'end') => {
    if (!canEdit(col)) return;
    const target = rowsRef.current[row];
    if (!target) return;
    const column = columns[col];
    const kept = invalid.get(cellKey(target.id, column.key));
    const stored = target.cells[column.key];
    const initial = typed ?? (kept !== undefined && (stored === null || stored === undefined) ? kept : editText(column, stored));
    setActive({ row, col });
    setEditing({ rowId: target.id, key: column.key, text: initial, mode });
    focusRequest.current = true;
    caretRequest.current = typed === undefined ? caret : null;
  };

  /**
   * End editing. From the keyboard an invalid entry keeps the editor open (returns false); when the
   * user leaves the cell another way, the text is kept, marked red, and the cell stores nothing.
   */
  const finishEditing = (how: 'keyboard' | 'leave'): boolean => {
    const current = editingRef.current;
    if (!current) return true;
    const column = columns.find((candidate) => candidate.key === current.key);
    if (!column || isChoiceColumn(column)) {
      setEditing(null);
      return true;
    }
    const parsed = parseInput(column, current.text);
    if (parsed.ok) {
      setEditing(null);
      storeCell(current.rowId, current.key, parsed.value);
      return true;
    }
    if (how === 'keyboard') return false;
    setEditing(null);
    storeCell(current.rowId, current.key, null, current.text);
    return true;
  };

  const cancelEditing = () => {
    setEditing(null);
    focusRequest.current = true;
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

  /** A choice made in a select cell (null when cleared); the select closes and the cell keeps focus. */
  const chooseOption = (rowId: string, key: string, value: string | null) => {
    setEditing(null);
    storeCell(rowId, key, value);
    focusRequest.current = true;
  };

  // ---- rows ----------------------------------------------------------------------------------------

  const addRow = (at?: number) => {
    finishEditing('leave');
    const current = rowsRef.current;
    if (current.length >= maxTableRows) {
      setRefusal(t('grid.tableFull', { max: maxTableRows }));
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
    message.success({ content: t('grid.undone'), key: `grid-${sectionId}` });
    moveTo(Math.min(index, current.length), position?.col ?? firstInput);
  };

  const deleteRow = () => {
    if (!position) return;
    setEditing(null);
    const current = rowsRef.current;
    const index = position.row;
    const removed = current[index];
    if (!removed) return;
    commitRows(removeRowAt(current, index));
    message.info({
      key: `grid-${sectionId}`,
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
    finishEditing('leave');
    const target = position.row + delta;
    if (target < 0 || target >= rowsRef.current.length) return;
    commitRows(moveRow(rowsRef.current, position.row, target));
    moveTo(target, position.col);
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    const stack = history.current;
    const change = stack[which].pop();
    if (!change || (which === 'undo' ? change.after : change.before) !== rowsRef.current) {
      // Something else changed the rows since (another section, a reload): the history no longer applies.
      stack.undo = [];
      stack.redo = [];
      message.info({ content: t('grid.nothingToUndo'), key: `grid-${sectionId}` });
      return;
    }
    const next = which === 'undo' ? change.before : change.after;
    stack[which === 'undo' ? 'redo' : 'undo'].push(change);
    rowsRef.current = next;
    onChange(next);
    focusRequest.current = true;
  };

  // ---- clipboard -----------------------------------------------------------------------------------

  const cellText = (pos: Position): string => {
    const column = columns[pos.col];
    const row = rowsRef.current[pos.row];
    if (!row || !column) return '';
    if (isComputedColumn(column)) {
      const cell = view.rows[pos.row]?.cells[pos.col];
      return cell && !cell.marker ? cell.text : '';
    }
    const stored = row.cells[column.key];
    const kept = invalid.get(cellKey(row.id, column.key));
    return kept !== undefined && (stored === null || stored === undefined) ? kept : editText(column, stored);
  };

  const pasteBlock = (clipboard: string) => {
    const block = parseTsv(clipboard);
    if (block.length === 0) return;
    const anchor = position ?? { row: 0, col: firstInput };
    if (block.length === 1 && block[0].length === 1 && isComputedColumn(columns[anchor.col])) {
      message.warning({ content: t('grid.computedReadOnly', { column: text.headers[anchor.col] }), key: `grid-${sectionId}` });
      return;
    }
    const needed = Math.min(anchor.row, rowsRef.current.length) + block.length;
    if (needed > maxTableRows) {
      // All or nothing: a paste that does not fit is refused whole, beside the table, and nothing changes.
      setRefusal(t('grid.pasteTooMany', { rows: block.length, needed, max: maxTableRows }));
      return;
    }
    const result = applyPaste(table, rowsRef.current, anchor.row, anchor.col, block, newId);
    const written: string[] = [];
    for (let index = result.firstRow; index <= result.lastRow; index += 1) {
      const id = result.rows[index]?.id;
      if (id) for (const key of result.columnKeys) written.push(cellKey(id, key));
    }
    setInvalidTexts(written, result.rejected);
    commitRows(result.rows);
    const parts = [
      result.rejected.length
        ? t('grid.pastedRejected', { count: result.pasted, rejected: result.rejected.length })
        : t('grid.pasted', { count: result.pasted }),
    ];
    if (result.addedRows) parts.push(t('grid.rowsAdded', { count: result.addedRows }));
    if (result.skipped) parts.push(t('grid.pasteSkipped', { count: result.skipped }));
    const content = <span data-testid="grid-paste-result">{parts.join('；')}</span>;
    if (result.rejected.length || result.skipped) message.warning({ content, key: `grid-${sectionId}`, duration: 6 });
    else message.success({ content, key: `grid-${sectionId}` });
    if (!position) moveTo(anchor.row, anchor.col);
    else focusRequest.current = true;
  };

  const importRows = (result: ImportResult, mode: ImportMode) => {
    finishEditing('leave');
    const current = rowsRef.current;
    let base = mode === 'replace' ? [] : current;
    // Blank rows a new document starts with would sit above the imported ones: drop trailing blanks.
    if (mode === 'append') {
      let end = base.length;
      while (end > 0 && !hasContent(base[end - 1])) end -= 1;
      base = base.slice(0, end);
    }
    setInvalidTexts([], result.rejected);
    commitRows([...base, ...result.rows]);
    setImportOpen(false);
    const content = (
      <span data-testid="grid-import-result">
        {result.rejected.length
          ? t('grid.import.importedRejected', { count: result.rows.length, rejected: result.rejected.length })
          : t('grid.import.imported', { count: result.rows.length })}
      </span>
    );
    if (result.rejected.length) message.warning({ content, key: `grid-${sectionId}`, duration: 6 });
    else message.success({ content, key: `grid-${sectionId}` });
    moveTo(base.length, firstInput);
  };

  // ---- events (delegated to the container; portals such as dialogs and dropdowns are ignored) ------

  const inGrid = (target: EventTarget | null) => !!target && !!containerRef.current?.contains(target as Node);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!inGrid(event.target) || event.nativeEvent.isComposing || event.key === 'Process') return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;

    if (mod && key === 'Enter') {
      event.preventDefault();
      if (readOnly) return;
      if (event.shiftKey && position) addRow(position.row + 1);
      else addRow();
      return;
    }
    if (mod && key.toLowerCase() === 's') {
      // Ctrl+S saves the document (handled by the editor page): first store what is being typed.
      finishEditing('leave');
      return;
    }
    // Buttons (添加一行, the toolbar) do what they say on Enter and Space, as everywhere else: not a cell's keys.
    if ((event.target as HTMLElement).closest('button')) return;
    if (!position) return;
    const { row, col } = position;
    const column = columns[col];
    const lastRow = rows.length - 1;

    if (!readOnly && event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      event.preventDefault();
      moveRowBy(key === 'ArrowUp' ? -1 : 1);
      return;
    }

    const tabTarget = (backwards: boolean): Position | null => {
      const step = backwards ? -1 : 1;
      const same = nextInputColumn(columns, col, step);
      if (same !== null) return { row, col: same };
      const nextRow = row + step;
      if (nextRow < 0 || nextRow > lastRow) return null;
      const wrapped = nextInputColumn(columns, backwards ? columns.length : -1, step);
      return wrapped === null ? null : { row: nextRow, col: wrapped };
    };

    const current = editingRef.current;
    if ((event.target as HTMLElement).closest('.rd-grid-select')) {
      // The select of a choice cell handles its own keys (arrows, Enter to choose); Esc and Tab leave it.
      if (current) {
        if (key === 'Escape') {
          event.preventDefault();
          cancelEditing();
        } else if (key === 'Tab') {
          setEditing(null);
          const target = tabTarget(event.shiftKey);
          if (target) {
            event.preventDefault();
            moveTo(target.row, target.col);
          }
        }
      }
      return;
    }
    if (current) {
      switch (key) {
        case 'Escape':
          event.preventDefault();
          cancelEditing();
          return;
        case 'Enter':
          event.preventDefault();
          if (finishEditing('keyboard')) moveTo(event.shiftKey ? Math.max(0, row - 1) : Math.min(lastRow, row + 1), col);
          return;
        case 'Tab': {
          if (!finishEditing('keyboard')) {
            event.preventDefault();
            return;
          }
          const target = tabTarget(event.shiftKey);
          if (target) {
            event.preventDefault();
            moveTo(target.row, target.col);
          }
          return;
        }
        case 'ArrowUp':
        case 'ArrowDown':
          event.preventDefault();
          if (finishEditing('keyboard')) moveTo(key === 'ArrowUp' ? Math.max(0, row - 1) : Math.min(lastRow, row + 1), col);
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (current.mode !== 'replace') return;
          event.preventDefault();
          if (finishEditing('keyboard')) moveTo(row, key === 'ArrowLeft' ? Math.max(0, col - 1) : Math.min(columns.length - 1, col + 1));
          return;
        default:
          return;
      }
    }

    // Not editing: the keys of a spreadsheet.
    const lastCol = columns.length - 1;
    switch (key) {
      case 'ArrowUp':
        event.preventDefault();
        moveTo(mod ? 0 : Math.max(0, row - 1), col);
        return;
      case 'ArrowDown':
        event.preventDefault();
        moveTo(mod ? lastRow : Math.min(lastRow, row + 1), col);
        return;
      case 'ArrowLeft':
        event.preventDefault();
        moveTo(row, mod ? 0 : Math.max(0, col - 1));
        return;
      case 'ArrowRight':
        event.preventDefault();
        moveTo(row, mod ? lastCol : Math.min(lastCol, col + 1));
        return;
      case 'Home':
        event.preventDefault();
        moveTo(mod ? 0 : row, 0);
        return;
      case 'End':
        event.preventDefault();
        moveTo(mod ? lastRow : row, lastCol);
        return;
      case 'PageUp':
        event.preventDefault();
        moveTo(Math.max(0, row - PAGE_ROWS), col);
        return;
      case 'PageDown':
        event.preventDefault();
        moveTo(Math.min(lastRow, row + PAGE_ROWS), col);
        return;
      case 'Tab': {
        const target = tabTarget(event.shiftKey);
        if (target) {
          event.preventDefault();
          moveTo(target.row, target.col);
        }
        return;
      }
      case 'Enter':
      case 'F2':
        event.preventDefault();
        if (canEdit(col)) startEditing(row, col, 'edit');
        else if (key === 'Enter') moveTo(Math.min(lastRow, row + 1), col);
        return;
      case 'Delete':
      case 'Backspace':
        if (readOnly) return;
        event.preventDefault();
        if (mod && key === 'Delete') deleteRow();
        else if (canEdit(col)) storeCell(rows[row].id, column.key, null);
        return;
      default:
        break;
    }
    if (mod && !event.altKey) {
      const lower = key.toLowerCase();
      if (!readOnly && lower === 'z') {
        event.preventDefault();
        undoOrRedo(event.shiftKey ? 'redo' : 'undo');
      } else if (!readOnly && lower === 'y') {
        event.preventDefault();
        undoOrRedo('redo');
      }
      return;
    }
    // A printable key on a choice cell types into the cell's input and opens its list filtered by what was typed
    // (the input's change starts the edit), so the first character, or Chinese from an IME, is never dropped.
  };

  const onMouseDown = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !inGrid(event.target)) return;
    const target = event.target as HTMLElement;
    // Clicks inside a live editor place the caret or pick an option.
    if (target.closest('.rd-grid-input.is-editing, .rd-grid-select')) return;
    const cell = target.closest<HTMLElement>('[data-row][data-col]');
    if (!cell || !tableRef.current?.contains(cell)) return;
    event.preventDefault();
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    finishEditing('leave');
    if (col < 0) {
      moveTo(row, position?.col ?? firstInput);
      return;
    }
    if (canEdit(col) && isChoiceColumn(columns[col])) {
      // The list opens on the click that follows: opened now, that click would close it again.
      choiceClick.current = { row, col };
      moveTo(row, col);
    } else if (canEdit(col)) startEditing(row, col, 'edit', undefined, 'all');
    else moveTo(row, col);
  };

  const onClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    const pending = choiceClick.current;
    choiceClick.current = null;
    if (!pending || !inGrid(event.target)) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
    if (cell && Number(cell.dataset.row) === pending.row && Number(cell.dataset.col) === pending.col) {
      startEditing(pending.row, pending.col, 'edit');
    }
  };

  const onCopy = (event: ReactClipboardEvent<HTMLDivElement>) => {
    if (!inGrid(event.target) || editingRef.current || !position) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', cellText(position));
  };

  const onCut = (event: ReactClipboardEvent<HTMLDivElement>) => {
    if (!inGrid(event.target) || editingRef.current || !position) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', cellText(position));
    if (canEdit(position.col)) storeCell(rows[position.row].id, columns[position.col].key, null);
  };

  const onPaste = (event: ReactClipboardEvent<HTMLDivElement>) => {
    if (!inGrid(event.target) || readOnly) return;
    const clipboard = event.clipboardData.getData('text/plain');
    if (editingRef.current) {
      if (!isBlock(clipboard)) return; // one value: the browser pastes it into the editor
      setEditing(null);
    }
    event.preventDefault();
    pasteBlock(clipboard);
  };

  // ---- the active cell's editor ---------------------------------------------------------------------

  let editor: ReactNode = null;
  if (position) {
    const column = columns[position.col];
    const rowId = rows[position.row].id;
    const here = editing && editing.rowId === rowId && editing.key === column.key ? editing : null;
    const cellView = view.rows[position.row].cells[position.col];
    if (here && isChoiceColumn(column) && !composing) {
      const stored = rows[position.row].cells[column.key];
      editor = (
        <div className="rd-grid-editor">
          <ChoiceSelect
            initialSearch={here.mode === 'replace' ? here.text : ''}
            className="rd-grid-select"
            autoFocus
            defaultOpen
            allowClear
            showSearch
            size="small"
            aria-label={text.headers[position.col]}
            placeholder={t('grid.selectPlaceholder')}
            value={typeof stored === 'string' && column.options?.includes(stored) ? stored : undefined}
            options={(column.options ?? []).map((option) => ({ value: option, label: option }))}
            onSearch={setChoiceSearch}
            notFoundContent={
              choiceSearch.trim() ? (
                <span role="alert" data-testid="grid-choice-refused">
                  {t('officeTemplates.choiceRefused', { value: choiceSearch.trim(), column: text.headers[position.col], options: (column.options ?? []).join('、') })}
                </span>
              ) : undefined
            }
            onChange={(value: string | undefined) => {
              setChoiceSearch('');
              chooseOption(here.rowId, here.key, value ?? null);
            }}
            onOpenChange={(open) => {
              if (!open) setChoiceSearch('');
              if (!open && editingRef.current) cancelEditing();
            }}
            onBlur={() => {
              if (editingRef.current) setEditing(null);
            }}
          />
        </div>
      );
    } else {
      const choice = isChoiceColumn(column);
      const editable = canEdit(position.col) && !choice;
      // A choice cell's input takes typing too (then its list opens with what was typed as the search).
      const typeable = canEdit(position.col);
      const parsed = here && !choice ? parseInput(column, here.text) : null;
      const problem = parsed && !parsed.ok ? text.problem(column, parsed.problem) : undefined;
      const note = explanationOf(cellView, column, text);
      const input = (
        <input
          className={classNames('rd-grid-input', here && 'is-editing', problem && 'is-invalid')}
          value={here ? here.text : ''}
          readOnly={!typeable}
          aria-label={here ? text.headers[position.col] : text.cell(position.row + 1, text.headers[position.col], cellView.text, note)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          aria-readonly={!editable || undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid={`grid-input-${sectionId}`}
          onChange={(event) => {
            const value = event.target.value;
            if (editingRef.current) setEditing({ ...editingRef.current, text: value });
            else startEditing(position.row, position.col, 'replace', value);
          }}
          onCompositionStart={() => {
            if (choice) setComposing(true);
          }}
          onCompositionEnd={(event) => {
            if (!choice) return;
            const value = event.currentTarget.value;
            if (editingRef.current) setEditing({ ...editingRef.current, text: value });
            else if (value) startEditing(position.row, position.col, 'replace', value);
            setComposing(false);
          }}
          onBlur={() => {
            // Switching windows blurs too; the edit goes on when the window comes back.
            if (editingRef.current && document.hasFocus()) finishEditing('leave');
          }}
        />
      );
      editor = (
        <div className="rd-grid-editor">
          {input}
          {problem && (
            // The message floats in a portal so the table's scroll box cannot clip it. It hangs on its own
            // anchor, not on the input, so that the input (and an IME composition in it) is never remounted.
            <Tooltip
              open
              placement="bottomLeft"
              color="#cf1322"
              title={
                <span className="rd-grid-error" data-testid="grid-cell-error">
                  {problem}
                  <small>{t('grid.fixHint')}</small>
                </span>
              }
            >
              <span className="rd-grid-error-anchor" aria-hidden />
            </Tooltip>
          )}
          {problem && (
            <span id={errorId} role="alert" className="rd-grid-sr-only">
              {problem}
            </span>
          )}
        </div>
      );
    }
  }

  // ---- render --------------------------------------------------------------------------------------

  const activeColumn = position ? columns[position.col] : null;
  const activeView = position ? view.rows[position.row]?.cells[position.col] : undefined;
  const status =
    position && activeColumn && activeView
      ? [
          t('grid.status', { row: position.row + 1, column: text.headers[position.col] }),
          isComputedColumn(activeColumn) ? t('grid.computedColumn', { formula: activeColumn.formula }) : null,
          explanationOf(activeView, activeColumn, text) ?? null,
        ]
          .filter(Boolean)
          .join(' · ')
      : '';

  return (
    <div
      className="rd-grid"
      ref={containerRef}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onClick={onClick}
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
    >
      {!readOnly && (
        <div className="rd-grid-toolbar">
          <Space wrap size={6}>
            <Tooltip title={t('grid.insertBelowHint')}>
              <Button size="small" icon={<InsertRowBelowOutlined />} disabled={!position} onClick={() => position && addRow(position.row + 1)}>
                {t('grid.insertBelow')}
              </Button>
            </Tooltip>
            <Tooltip title={t('grid.moveUpHint')}>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={!position || position.row === 0} onClick={() => moveRowBy(-1)}>
                {t('grid.moveUp')}
              </Button>
            </Tooltip>
            <Tooltip title={t('grid.moveDownHint')}>
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={!position || position.row >= rows.length - 1}
                onClick={() => moveRowBy(1)}
              >
                {t('grid.moveDown')}
              </Button>
            </Tooltip>
            <Tooltip title={t('grid.deleteRowHint')}>
              <Button size="small" danger icon={<DeleteOutlined />} disabled={!position} onClick={deleteRow} data-testid={`grid-delete-row-${sectionId}`}>
                {t('grid.deleteRow')}
              </Button>
            </Tooltip>
            <Button size="small" icon={<FileExcelOutlined />} onClick={() => setImportOpen(true)} data-testid={`grid-import-${sectionId}`}>
              {t('grid.importXlsx')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('grid.rowCount', { count: rows.length })}
          </Typography.Text>
        </div>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          message={<span data-testid={`grid-refusal-${sectionId}`}>{refusal}</span>}
        />
      )}
      <div className="rd-grid-scroll" ref={scrollRef}>
        <table
          ref={tableRef}
          className="rd-grid-table"
          role="grid"
          aria-label={t('grid.gridLabel', { title })}
          aria-rowcount={rows.length + 1 + (table.totalsRow ? 1 : 0)}
          aria-colcount={columns.length + 1}
          aria-readonly={readOnly || undefined}
          data-testid={`grid-${sectionId}`}
        >
          <thead>
            <tr aria-rowindex={1}>
              {/* Blank on screen (templates often have their own 序号 column); named for screen readers. */}
              <th scope="col" role="columnheader" className="rd-grid-rownum" aria-label={t('grid.rowNumber')} />
              {columns.map((column, col) => {
                const computed = isComputedColumn(column);
                const header = (
                  <span>
                    <span className="rd-grid-label">{column.label}</span>
                    {column.unit && <span className="rd-grid-unit">{t('grid.unit', { unit: column.unit })}</span>}
                    {computed && (
                      <span className="rd-grid-fx" aria-hidden>
                        fx
                      </span>
                    )}
                  </span>
                );
                return (
                  <th
                    key={column.key}
                    scope="col"
                    role="columnheader"
                    aria-colindex={col + 2}
                    className={computed ? 'rd-grid-computed' : undefined}
                    data-column={column.key}
                    style={{ minWidth: column.type === 'text' ? (isChoiceColumn(column) ? 80 : 88) : column.type === 'date' ? 104 : 84 }}
                  >
                    {computed ? <Tooltip title={t('grid.computedColumn', { formula: column.formula })}>{header}</Tooltip> : header}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden className="rd-grid-spacer">
                <td colSpan={columns.length + 1} style={{ height: padTop }} />
              </tr>
            )}
            {drawnRows.map((index) => view.rows[index]!).map((rowView, at) => (
              <GridRow
                key={rowView.id}
                view={rowView}
                index={drawnRows[at]!}
                columns={columns}
                text={text}
                sectionId={sectionId}
                activeColumn={position && position.row === drawnRows[at] ? position.col : -1}
                editor={position && position.row === drawnRows[at] ? editor : null}
              />
            ))}
            {padBottom > 0 && (
              <tr aria-hidden className="rd-grid-spacer">
                <td colSpan={columns.length + 1} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
          {table.totalsRow && rows.length > 0 && (
            <tfoot>
              <tr aria-rowindex={rows.length + 2} data-testid={`grid-totals-${sectionId}`}>
                <th scope="row" role="rowheader" className="rd-grid-rownum">
                  {t('grid.totals')}
                </th>
                {columns.map((column, col) => {
                  const cell = view.totals[col];
                  const note = cell.marker ? text.marker[cell.marker] : undefined;
                  return (
                    <td
                      key={column.key}
                      role="gridcell"
                      aria-colindex={col + 2}
                      aria-readonly
                      aria-label={text.total(text.headers[col], cell.text, note)}
                      data-cell={`${sectionId}:totals:${column.key}`}
                      className={classNames('rd-grid-cell', isNumericColumn(column) && 'rd-grid-num', isComputedColumn(column) && 'rd-grid-computed')}
                    >
                      <div className="rd-grid-value">
                        {note ? (
                          <Tooltip title={note}>
                            <span className="rd-grid-marker">{cell.text}</span>
                          </Tooltip>
                        ) : (
                          cell.text
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
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
            onClick={() => addRow()}
            data-testid={`grid-add-row-${sectionId}`}
          >
            {t('grid.addRow')}
          </Button>
        </Tooltip>
      )}
      <div className="rd-grid-footer">
        <span className="rd-grid-status" data-testid={`grid-status-${sectionId}`}>
          {status}
        </span>
        {!readOnly && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('grid.pasteHint')}</Typography.Text>}
      </div>
      {!readOnly && (
        <ImportXlsxDialog open={importOpen} table={table} title={title} onCancel={() => setImportOpen(false)} onImport={importRows} />
      )}
    </div>
  );
}

/**
 * A choice cell's list: antd's Select whose search starts with what was typed into the cell (a letter, or the
 * Chinese an IME committed), as Excel's and WPS's validation lists filter by the typed text.
 */
function ChoiceSelect({ initialSearch, onSearch, ...props }: React.ComponentProps<typeof Select<string>> & { initialSearch: string }) {
  const [search, setSearch] = useState(initialSearch);
  // The owner hears every search too, the first key typed into the cell included (it names a value not offered).
  useEffect(() => {
    if (initialSearch) onSearch?.(initialSearch);
  }, []);
  return (
    <Select<string>
      {...props}
      searchValue={search}
      onSearch={(value) => {
        setSearch(value);
        onSearch?.(value);
      }}
    />
  );
}
