import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionContent } from '../../../electron/core/common/schemas/report';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Template } from '../../../electron/core/common/schemas/template';
import { anchorRange, type HighlightRange } from '../review/highlights';
import { placeComment } from './comment-placement';
import { commentedCellStyle } from './editor-layout';

/** What the text shows of the comments: highlighted passages per section, marked cells, each comment's place and their order. */
export function useCommentMarks(comments: CommentView[], template: Template, sections: Record<string, SectionContent>, activeComment: string | null) {
  const { t } = useTranslation();
  const highlights = useMemo(() => {
    const bySection: Record<string, HighlightRange[]> = {};
    for (const comment of comments) {
      if (comment.anchor.kind !== 'text' || comment.retracted) continue;
      const content = sections[comment.anchor.sectionId];
      if (content?.type !== 'richtext') continue;
      const range = anchorRange(content.doc, comment.anchor);
      if (!range) continue;
      (bySection[comment.anchor.sectionId] ??= []).push({ ...range, commentId: comment.id, kind: comment.kind, active: comment.id === activeComment });
    }
    return bySection;
  }, [comments, sections, activeComment]);

  const placement = useCallback((comment: CommentView) => placeComment(comment, template, sections, t), [template, sections, t]);
  // The comments in the order of the text, for the margin that follows the scrolling.
  const ordered = useMemo(() => [...comments].sort((a, b) => placement(a).order - placement(b).order || a.at.localeCompare(b.at)), [comments, placement]);
  // Cells with a comment carry a red corner, as in Excel.
  const cellMarks = useMemo(() => commentedCellStyle(comments, activeComment), [comments, activeComment]);
  return { highlights, placement, ordered, cellMarks };
}
