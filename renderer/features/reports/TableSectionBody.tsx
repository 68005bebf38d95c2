import type { SectionContent, TableRow } from '../../../electron/core/common/schemas/report';
import type { SectionDef } from '../../../electron/core/common/schemas/template';
import { TableChart } from '../insight/TableChart';
import { DataTableGrid } from './grid/DataTableGrid';

/** A table section: its grid (a click or Ctrl+Alt+M on a cell comments on it, for reviewers) and its chart. */
export function TableSectionBody({
  section,
  table,
  rows,
  editable,
  commentable,
  onChange,
  onCellClick,
  onCellComment,
}: {
  section: SectionDef;
  table: NonNullable<SectionDef['table']>;
  rows: TableRow[];
  editable: boolean;
  commentable: boolean;
  onChange: (sectionId: string, content: SectionContent) => void;
  onCellClick: (section: SectionDef, event: React.MouseEvent) => void;
  onCellComment?: (section: SectionDef, cell: HTMLElement) => void;
}) {
  return (
    <div
      onClick={(event) => onCellClick(section, event)}
      onKeyDown={(event) => {
        if (!onCellComment || !(event.ctrlKey || event.metaKey) || !event.altKey || event.key.toLowerCase() !== 'm') return;
        const cell = event.currentTarget.querySelector<HTMLElement>('[data-cell][aria-selected="true"]');
        if (!cell) return;
        event.preventDefault();
        onCellComment(section, cell);
      }}
      className={commentable ? 'rd-grid-commentable' : undefined}
    >
      <DataTableGrid table={table} rows={rows} readOnly={!editable} sectionId={section.id} title={section.title} onChange={(next) => onChange(section.id, { type: 'table', rows: next })} />
      {table.chart && <TableChart table={table} rows={rows} title={section.title} sectionId={section.id} />}
    </div>
  );
}
