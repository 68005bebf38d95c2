import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { flatColumns, type DashboardRow } from './dashboard-model';

/** The per-manager table with a fixed 合计 row rendered by the same columns (the unit cell left empty). */
export function DashboardTable({ rows, totals, columns }: { rows: DashboardRow[]; totals: DashboardRow; columns: ColumnsType<DashboardRow> }) {
  return (
    <Table<DashboardRow>
      className="rd-dashboard-table"
      size="small"
      bordered
      rowKey={(row) => row.managerId || 'total'}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      onRow={(row) => ({ 'data-testid': `dashboard-row-${row.managerId}` }) as React.HTMLAttributes<HTMLElement>}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            {flatColumns(columns).map((column, index) => {
              const cell = column.render ? column.render(undefined, totals, 0) : null;
              const className = column.onCell ? (column.onCell(totals, 0) as { className?: string }).className : undefined;
              return (
                <Table.Summary.Cell key={String(column.key ?? index)} index={index} align={column.align} className={className}>
                  {column.key === 'unit' ? '' : (cell as React.ReactNode)}
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
