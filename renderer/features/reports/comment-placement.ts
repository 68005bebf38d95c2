import type { TFunction } from 'i18next';
import type { SectionContent } from '../../../electron/core/common/schemas/report';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Template } from '../../../electron/core/common/schemas/template';
import { anchorRange } from '../review/highlights';
import type { CommentPlacement } from '../review/ReviewPane';
import { cellTargetName } from './editor-layout';

/** Where each comment sits in the text shown, for the pane's order and its "原文已修改" marker. */
export function placeComment(comment: CommentView, template: Template, sections: Record<string, SectionContent>, t: TFunction): CommentPlacement {
  const anchor = comment.anchor;
  if (anchor.kind === 'document') return { located: true, target: t('review.wholeDocument'), order: -1 };
  const index = template.sections.findIndex((section) => section.id === anchor.sectionId);
  const section = template.sections[index];
  const title = section?.title ?? anchor.sectionId;
  const content = sections[anchor.sectionId];
  if (anchor.kind === 'section') return { located: !!section, target: title, order: index * 1e6 };
  if (anchor.kind === 'text') {
    const range = content?.type === 'richtext' ? anchorRange(content.doc, anchor) : null;
    return { located: !!range, target: t('workspace.textTarget', { section: title, quote: anchor.quote }), order: index * 1e6 + (range?.from ?? anchor.offset) };
  }
  const rows = content?.type === 'table' ? content.rows : [];
  const rowIndex = rows.findIndex((row) => row.id === anchor.rowId);
  return {
    located: rowIndex >= 0,
    target: cellTargetName(t, section, rows, anchor),
    order: index * 1e6 + Math.max(rowIndex, 0),
  };
}
