import { useTranslation } from 'react-i18next';
import type { SectionDef, Template } from '../../../electron/core/common/schemas/template';
import { SentencesDialog } from '../insight/SentencesDialog';
import { CommentDialog } from '../review/CommentDialog';
import { ConflictDialog } from './ConflictDialog';
import type { DraftContent, useAutosave } from './useAutosave';
import type { useCommenting } from './useCommenting';

/** The editor's dialogs: a comment being written, 生成描述 for a table, and a save that overlapped another window's. */
export function EditorDialogs({
  template,
  current,
  commenting,
  sentencesFor,
  onInsertSentences,
  onCloseSentences,
  autosave,
}: {
  template: Template;
  current: DraftContent;
  commenting: ReturnType<typeof useCommenting>;
  sentencesFor: SectionDef | null;
  onInsertSentences: (sectionId: string, sentences: string[]) => void;
  onCloseSentences: () => void;
  autosave: ReturnType<typeof useAutosave>;
}) {
  const { t } = useTranslation();
  const { dialog } = commenting;
  const tableContent = sentencesFor ? current.sections[sentencesFor.id] : undefined;
  return (
    <>
      {dialog && (
        <CommentDialog
          title={dialog.mode === 'new' ? t('review.newComment') : t('review.editComment')}
          target={dialog.target}
          initial={dialog.mode === 'edit' ? { kind: dialog.comment.kind, text: dialog.comment.text } : undefined}
          busy={commenting.busy}
          onSubmit={(draft) => void commenting.saveComment(draft)}
          onCancel={() => commenting.setDialog(null)}
        />
      )}
      {sentencesFor && sentencesFor.table && (
        <SentencesDialog
          template={template}
          section={sentencesFor}
          rows={tableContent?.type === 'table' ? tableContent.rows : []}
          metadata={current.metadata}
          onInsert={onInsertSentences}
          onClose={onCloseSentences}
        />
      )}
      {autosave.conflict && <ConflictDialog template={template} conflict={autosave.conflict} onResolve={(choice) => void autosave.resolveConflict(choice)} />}
    </>
  );
}
