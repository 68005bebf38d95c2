import { Tooltip } from 'antd';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import type { Position } from './grid-keys';
import { isChoiceColumn, isComputedColumn, isNumericColumn } from './grid-model';
import type { GridView } from './grid-view';
import { GridRow } from './GridRow';
import type { GridText } from './useGridText';
import { classNames } from './useGridText';
import type { VirtualRows } from './useVirtualRows';

export interface GridTableProps {
  table: TableDef;
  view: GridView;
  text: GridText;
  sectionId: string;
  title: string;
  readOnly: boolean;
  position: Position | null;
  /** The active cell's editor. */
  editor: ReactNode;
  drawn: VirtualRows;
  tableRef: RefObject<HTMLTableElement | null>;
}

/** The grid's table: column headers, the drawn rows between spacers for the rows not drawn, and the totals row. */
export function GridTable({ table, view, text, sectionId, title, readOnly, position, editor, drawn, tableRef }: GridTableProps) {
  const { t } = useTranslation();
  const columns = table.columns;
  const rowCount = view.rows.length;
  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden className="rd-grid-spacer">
        <td colSpan={columns.length + 1} style={{ height }} />
      </tr>
    );
  return (
    <table
      ref={tableRef}
      className="rd-grid-table"
      role="grid"
      aria-label={t('grid.gridLabel', { title })}
      aria-rowcount={rowCount + 1 + (table.totalsRow ? 1 : 0)}
      aria-colcount={columns.length + 1}
      aria-readonly={readOnly || undefined}
      data-testid={`grid-${sectionId}`}
    >
      <GridHead table={table} />
      <tbody>
        {spacer(drawn.padTop)}
        {drawn.drawnRows.map((index) => (
          <GridRow
            key={view.rows[index]!.id}
            view={view.rows[index]!}
            index={index}
            columns={columns}
            text={text}
            sectionId={sectionId}
            activeColumn={position && position.row === index ? position.col : -1}
            editor={position && position.row === index ? editor : null}
          />
        ))}
        {spacer(drawn.padBottom)}
      </tbody>
      {table.totalsRow && rowCount > 0 && <GridTotals table={table} view={view} text={text} sectionId={sectionId} />}
    </table>
  );
}

function GridHead({ table }: { table: TableDef }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr aria-rowindex={1}>
        {/* Blank on screen (templates often have their own 序号 column); named for screen readers. */}
        <th scope="col" role="columnheader" className="rd-grid-rownum" aria-label={t('grid.rowNumber')} />
        {table.columns.map((column, col) => {
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
  );
}

function GridTotals({ table, view, text, sectionId }: { table: TableDef; view: GridView; text: GridText; sectionId: string }) {
  const { t } = useTranslation();
  return (
    <tfoot>
      <tr aria-rowindex={view.rows.length + 2} data-testid={`grid-totals-${sectionId}`}>
        <th scope="row" role="rowheader" className="rd-grid-rownum">
          {t('grid.totals')}
        </th>
        {table.columns.map((column, col) => {
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
  );
}
