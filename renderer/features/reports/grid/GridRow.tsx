import { Tooltip } from 'antd';
import { memo, type ReactNode } from 'react';
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import { isComputedColumn, isNumericColumn } from './grid-model';
import type { RowView } from './grid-view';
import { classNames, explanationOf, type GridText } from './useGridText';

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
export const GridRow = memo(function GridRow({ view, index, columns, text, sectionId, activeColumn, editor }: GridRowProps) {
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
