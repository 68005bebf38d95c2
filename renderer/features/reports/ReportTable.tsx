import { Grid, Table } from 'antd';
import type { GetRef } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ReportSummary } from '../../../electron/core/common/schemas/report';
import { openedFrom } from '../../app/shortcuts';
import { reportColumns, type ReportColumnOptions } from './reportTableColumns';

type TableRef = GetRef<typeof Table>;

/** The table's height: what is left of the window below its top (at least 240 px), so no page scrolls twice. */
function useFitHeight(element: React.RefObject<HTMLElement | null>, fixed: number | undefined): number {
  const [height, setHeight] = useState(fixed ?? 560);
  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const measure = () => {
      const top = element.current?.getBoundingClientRect().top ?? 200;
      // Header row (about 40 px) and a margin below.
      setHeight(Math.max(240, Math.round(window.innerHeight - top - 40 - 20)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [element, fixed]);
  return height;
}

/**
 * The row with the keyboard (one Tab stop for the table) and moving it: after an arrow key the row is brought into
 * the virtual list's window, then given the focus.
 */
function useActiveRow(rows: ReportSummary[], frame: React.RefObject<HTMLDivElement | null>, table: React.RefObject<TableRef | null>) {
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const activeId = rows[activeIndex]?.id;

  useEffect(() => {
    if (!focusWanted.current || !activeId) return;
    table.current?.scrollTo({ index: activeIndex });
    let frames = 0;
    const tryFocus = () => {
      const element = frame.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(activeId)}"]`);
      if (element) {
        focusWanted.current = false;
        element.focus({ preventScroll: true });
      } else if (frames++ < 10) {
        requestAnimationFrame(tryFocus);
      }
    };
    requestAnimationFrame(tryFocus);
  }, [activeIndex, activeId]);

  const move = (to: number) => {
    focusWanted.current = true;
    setActive(Math.max(0, Math.min(rows.length - 1, to)));
  };
  return { activeIndex, activeId, setActive, move };
}

/**
 * A virtualized document table (handles tens of thousands of rows); a row opens the document. Rows are reached
 * with Tab (one stop for the table), moved through with ↑ ↓ Home End PageUp PageDown and opened with Enter.
 */
export function ReportTable({
  rows,
  loading,
  height,
  ...options
}: {
  rows: ReportSummary[];
  loading?: boolean;
  height?: number;
} & ReportColumnOptions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const frame = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const fitted = useFitHeight(frame, height);
  const screens = Grid.useBreakpoint();
  const { activeIndex, activeId, setActive, move } = useActiveRow(rows, frame, table);

  const open = useCallback(
    (row: ReportSummary) => navigate(`/reports/${row.id}`, { state: openedFrom(location.pathname, location.state) }),
    [navigate, location.pathname, location.state],
  );
  const page = Math.max(1, Math.floor(fitted / 48) - 1);

  const columns = reportColumns(t, options);
  // The title keeps at least 220 px; narrower windows scroll sideways with the title frozen on the left. Columns
  // shown only on wide windows (类型, 更新时间) count only there.
  const shown = columns.filter((column) => !column.responsive || column.responsive.some((breakpoint) => screens[breakpoint]));
  const minWidth = 220 + shown.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 0), 0);

  return (
    <div ref={frame} className="rd-report-table">
      <Table<ReportSummary>
        ref={table}
        rowKey="id"
        size="middle"
        virtual
        scroll={{ y: fitted, x: minWidth }}
        loading={loading}
        dataSource={rows}
        pagination={false}
        onRow={(row, index = 0) => ({
          onClick: () => {
            setActive(index);
            open(row);
          },
          onFocus: () => {
            if (index !== activeIndex) setActive(index);
          },
          onKeyDown: (event: React.KeyboardEvent) => {
            if (event.target !== event.currentTarget) return;
            const keys: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + page, PageUp: index - page };
            if (event.key in keys) {
              event.preventDefault();
              move(keys[event.key]);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              open(row);
            }
          },
          tabIndex: row.id === activeId ? 0 : -1,
          'aria-rowindex': index + 2,
          style: { cursor: 'pointer' },
        })}
        columns={columns}
      />
    </div>
  );
}
