import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import type { SectionDef } from '../../../electron/core/common/schemas/template';
import { revealCard, revealPassage } from '../review/anchor-dom';
import type { CommentDraft } from '../review/CommentDialog';
import { useReviewActions } from '../review/useReviewActions';
import { cellTargetName } from './editor-layout';
import type { DraftContent } from './useAutosave';
import { useStableCallback } from './useStableCallback';

export type DialogState = { mode: 'new'; anchor: Anchor; target: string } | { mode: 'edit'; comment: CommentView; target: string } | null;

/**
 * Commenting on the text shown: the selected comment, the comment dialog and what opens it (a selection, a
 * section's 点评本节, a cell by click or Ctrl+Alt+M), and the way between a card and its passage.
 */
export function useCommenting({ report, canComment, currentRef }: { report: Report; canComment: boolean; currentRef: RefObject<DraftContent> }) {
  const { t } = useTranslation();
  const { run, busy } = useReviewActions();
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);

  const saveComment = async (draft: CommentDraft) => {
    if (!dialog) return;
    const done =
      dialog.mode === 'new'
        ? await run('review:comment', { id: report.id, anchor: dialog.anchor, kind: draft.kind, text: draft.text })
        : await run('review:edit-comment', { id: report.id, commentId: dialog.comment.id, kind: draft.kind, text: draft.text });
    if (done) {
      setActiveComment(done.id);
      setDialog(null);
    }
  };

  /** A highlight was clicked: its card, beside it in the margin, is selected and glows. */
  const focusComment = useStableCallback((commentId: string) => {
    setActiveComment(commentId);
    revealCard(commentId);
  });

  /** A card was clicked: its passage comes beside it and glows. */
  const revealAnchor = (comment: CommentView) => {
    setActiveComment(comment.id);
    revealPassage(comment);
  };

  const cellDialog = (section: SectionDef, cell: HTMLElement, rowId: string, columnKey: string) => {
    const quote = (cell.textContent ?? '').trim();
    const content = currentRef.current.sections[section.id];
    const anchor = { kind: 'cell' as const, sectionId: section.id, rowId, columnKey, quote };
    setDialog({ mode: 'new', anchor, target: cellTargetName(t, section, content?.type === 'table' ? content.rows : [], anchor) });
  };
  const onCellClick = useStableCallback((section: SectionDef, event: React.MouseEvent) => {
    if (!canComment) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [, rowId, columnKey] = cell.getAttribute('data-cell')!.split(':');
    if (!rowId || rowId === 'totals') return;
    cellDialog(section, cell, rowId, columnKey);
  });
  /** Ctrl+Alt+M on a table: a comment on its selected cell (the keyboard's way to what a click does). */
  const onCellComment = useStableCallback((section: SectionDef, cell: HTMLElement) => {
    if (!canComment) return;
    const [, rowId, columnKey] = (cell.getAttribute('data-cell') ?? '').split(':');
    if (!rowId || rowId === 'totals' || !columnKey) return;
    cellDialog(section, cell, rowId, columnKey);
  });
  const commentOn = useStableCallback((section: SectionDef, anchor: Extract<Anchor, { kind: 'text' }>) =>
    setDialog({ mode: 'new', anchor, target: t('workspace.textTarget', { section: section.title, quote: anchor.quote }) }),
  );
  const commentOnSection = useStableCallback((section: SectionDef) => setDialog({ mode: 'new', anchor: { kind: 'section', sectionId: section.id }, target: section.title }));

  return { busy, activeComment, dialog, setDialog, saveComment, focusComment, revealAnchor, onCellClick, onCellComment, commentOn, commentOnSection };
}
