import { App } from 'antd';
import type { ClipboardEvent as ReactClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxTableRows, type TableRow } from '../../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import type { ImportResult } from './column-mapping';
import { copyText, importBase, pasteSummary, planPaste } from './grid-clipboard';
import type { GridView } from './grid-view';
import type { ImportMode } from './useXlsxImport';
import { isBlock } from './tsv';
import type { CellEditing } from './useCellEditing';
import type { GridCursor } from './useGridCursor';
import type { GridRows } from './useGridRows';
import { newId } from './useRowActions';

type ClipboardHandler = (event: ReactClipboardEvent<HTMLDivElement>) => void;

export interface GridClipboard {
  onCopy: ClipboardHandler;
  onCut: ClipboardHandler;
  onPaste: ClipboardHandler;
  /** Put rows read from an .xlsx into the table (after the current rows, or instead of them). */
  importRows: (result: ImportResult, mode: ImportMode) => void;
}

export interface ClipboardContext {
  table: TableDef;
  /** The rows as last rendered. */
  rows: TableRow[];
  sectionId: string;
  readOnly: boolean;
  firstInput: number;
  view: GridView;
  headers: string[];
  /** Whether an event comes from the grid itself (not a portal such as a dialog or a dropdown). */
  inGrid: (target: EventTarget | null) => boolean;
}

/** Copy, cut and paste of cells (blocks from Excel or WPS fill right and down), and 从 Excel 导入's result. */
export function useGridClipboard(context: ClipboardContext, grid: GridRows, cursor: GridCursor, edit: CellEditing): GridClipboard {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { table, sectionId, inGrid } = context;
  const { position, moveTo } = cursor;
  const messageKey = `grid-${sectionId}`;

  const cellText = () =>
    position ? copyText(table, grid.rowsRef.current, position, context.view.rows[position.row]?.cells[position.col], grid.invalid) : '';

  const pasteBlock = (clipboard: string) => {
    const anchor = position ?? { row: 0, col: context.firstInput };
    const plan = planPaste(table, grid.rowsRef.current, anchor, clipboard, maxTableRows, newId);
    if (plan.kind === 'empty') return;
    if (plan.kind === 'computed') {
      message.warning({ content: t('grid.computedReadOnly', { column: context.headers[plan.col] }), key: messageKey });
      return;
    }
    if (plan.kind === 'too-many') {
      // All or nothing: a paste that does not fit is refused whole, beside the table, and nothing changes.
      grid.setRefusal(t('grid.pasteTooMany', { rows: plan.rows, needed: plan.needed, max: maxTableRows }));
      return;
    }
    grid.setInvalidTexts(plan.written, plan.result.rejected);
    grid.commitRows(plan.result.rows);
    const summary = pasteSummary(plan.result);
    const content = <span data-testid="grid-paste-result">{summary.phrases.map((phrase) => t(phrase.key, phrase.params)).join('；')}</span>;
    if (summary.warn) message.warning({ content, key: messageKey, duration: 6 });
    else message.success({ content, key: messageKey });
    if (!position) moveTo(anchor.row, anchor.col);
    else cursor.focusRequest.current = true;
  };

  const onCopy: ClipboardHandler = (event) => {
    if (!inGrid(event.target) || edit.editingRef.current || !position) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', cellText());
  };

  const onCut: ClipboardHandler = (event) => {
    if (!inGrid(event.target) || edit.editingRef.current || !position) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', cellText());
    if (edit.canEdit(position.col)) grid.storeCell(context.rows[position.row].id, table.columns[position.col].key, null);
  };

  const onPaste: ClipboardHandler = (event) => {
    if (!inGrid(event.target) || context.readOnly) return;
    const clipboard = event.clipboardData.getData('text/plain');
    if (edit.editingRef.current) {
      if (!isBlock(clipboard)) return; // one value: the browser pastes it into the editor
      edit.setEditing(null);
    }
    event.preventDefault();
    pasteBlock(clipboard);
  };

  const importRows = (result: ImportResult, mode: ImportMode) => {
    edit.finishEditing('leave');
    const base = importBase(grid.rowsRef.current, mode);
    grid.setInvalidTexts([], result.rejected);
    grid.commitRows([...base, ...result.rows]);
    const content = (
      <span data-testid="grid-import-result">
        {result.rejected.length
          ? t('grid.import.importedRejected', { count: result.rows.length, rejected: result.rejected.length })
          : t('grid.import.imported', { count: result.rows.length })}
      </span>
    );
    if (result.rejected.length) message.warning({ content, key: messageKey, duration: 6 });
    else message.success({ content, key: messageKey });
    moveTo(base.length, context.firstInput);
  };

  return { onCopy, onCut, onPaste, importRows };
}
