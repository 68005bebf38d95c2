import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import type { TableRow } from '../../../electron/core/common/schemas/report';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import type { SectionDef } from '../../../electron/core/common/schemas/template';

const paneKey = 'reportdesk.sidePaneCollapsed';

/** The editor's right pane (completeness, review, comments): shown unless folded away; Ctrl+. toggles it. */
export function useSidePane(): { collapsed: boolean; toggle: () => void } {
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return window.localStorage.getItem(paneKey) === '1';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setCollapsed((value) => {
      try {
        window.localStorage.setItem(paneKey, value ? '0' : '1');
      } catch {
        // Not remembered; the fold still applies to this window.
      }
      return !value;
    });
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === '.') {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return { collapsed, toggle };
}

/**
 * A row's name as a reader says it: the text of its naming column (品规 利群(新版), 客户名称 东街便利店), else its
 * number (第 3 行). The naming column is the first text column that is not a number or code (序号, 许可证号, 编号).
 */
export function rowName(t: TFunction, section: SectionDef | undefined, rows: TableRow[], rowId: string): string {
  const index = rows.findIndex((row) => row.id === rowId);
  if (index < 0) return t('workspace.rowMissing');
  const texts = section?.table?.columns.filter((column) => column.type === 'text' && !column.formula) ?? [];
  const label = texts.find((column) => !/号$|编码$|代码$/.test(column.label)) ?? texts[0];
  const value = label ? rows[index].cells[label.key] : undefined;
  const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
  return text ? t('workspace.rowNamed', { name: text, number: index + 1 }) : t('workspace.rowNumber', { number: index + 1 });
}

/** What a cell comment points at: section, row by name, column, and the cell's text (利群(新版)／库存：120). */
export function cellTargetName(t: TFunction, section: SectionDef | undefined, rows: TableRow[], anchor: Extract<Anchor, { kind: 'cell' }>): string {
  const column = section?.table?.columns.find((item) => item.key === anchor.columnKey);
  return t('workspace.cellTarget', {
    section: section?.title ?? anchor.sectionId,
    row: rowName(t, section, rows, anchor.rowId),
    column: column?.label ?? anchor.columnKey,
    quote: anchor.quote || t('workspace.emptyCell'),
  });
}

/** CSS that puts a red corner on every cell with a standing comment (blue on the active one), as Excel marks notes. */
export function commentedCellStyle(comments: CommentView[], activeId: string | null): string {
  const rules: string[] = [];
  for (const comment of comments) {
    if (comment.retracted || comment.anchor.kind !== 'cell') continue;
    const { sectionId, rowId, columnKey } = comment.anchor;
    const selector = `[data-cell="${CSS.escape(`${sectionId}:${rowId}:${columnKey}`)}"]`;
    rules.push(`${selector}::after{content:"";position:absolute;top:0;right:0;border-style:solid;border-width:0 8px 8px 0;border-color:transparent ${comment.id === activeId ? '#1f5fa8' : '#e02424'} transparent transparent;pointer-events:none}`);
  }
  return rules.join('\n');
}
