import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCompleteness } from '../../../electron/api/domain';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { SectionDef, Template } from '../../../electron/core/common/schemas/template';
import { call } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { notifyError } from '../../app/notifier';
import { useProfile } from '../profiles/session';
import { MarginLink } from '../review/MarginLink';
import { TemplateUpdateNotice } from './TemplateUpdateNotice';
import { EditorDialogs } from './EditorDialogs';
import { EditorHeader } from './EditorHeader';
import { EditorSidePane, type EditorReview } from './EditorSidePane';
import { MetadataCard } from './MetadataCard';
import { useSidePane } from './editor-layout';
import { SectionCard } from './SectionCard';
import { useCommentMarks } from './useCommentMarks';
import { useCommenting } from './useCommenting';
import { useDraft } from './useDraft';
import { useStableCallback } from './useStableCallback';

/** The drafting editor and, for readers and reviewers, the document with its review pane and comment margin. */
export function ReportEditor({ report, shown, template, editable, review }: { report: Report; shown: Report; template: Template; editable: boolean; review: EditorReview | null }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const draft = useDraft({ report, shown, editable, form });
  const { current, autosave } = draft;
  const [submitting, setSubmitting] = useState(false);
  /** 生成描述: the table whose figures are being turned into sentences. */
  const [sentencesFor, setSentencesFor] = useState<SectionDef | null>(null);
  const supervisor = profile.role === 'supervisor';
  const canComment = supervisor && (report.status === 'submitted' || report.status === 'approved' || report.status === 'returned');
  const comments = useMemo(() => review?.state.comments ?? [], [review]);
  const showReview = !!review && (comments.length > 0 || !!review.state.currentDecision || (supervisor && report.status !== 'draft'));
  const commenting = useCommenting({ report, canComment, currentRef: draft.currentRef });
  const marks = useCommentMarks(comments, template, current.sections, commenting.activeComment);
  const issues = useMemo(() => checkCompleteness(template, current), [template, current]);

  const insertSentences = (sectionId: string, sentences: string[]) => {
    if (!editable) return;
    draft.appendToSection(sectionId, sentences);
    setSentencesFor(null);
    message.success(t('insight.inserted', { count: sentences.length }));
    window.setTimeout(() => document.getElementById(`section-${sectionId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 100);
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      if (!(await autosave.flush())) return;
      const result = await call('reports:submit', { id: report.id, baseRev: autosave.baseRev.current });
      if (!result.ok) {
        notifyError(new Error(result.error.message));
        return;
      }
      message.success(t('review.submitted'));
      await refreshAfter(client, 'reports:submit');
    } finally {
      setSubmitting(false);
    }
  };

  const generateFor = useStableCallback((section: SectionDef) => setSentencesFor(section));
  const side = useSidePane();
  const hasSide = editable || showReview;
  return (
    <div className={`rd-page rd-editor${hasSide && side.collapsed ? ' rd-editor-side-collapsed' : ''}`}>
      <EditorHeader
        report={report}
        shown={shown}
        template={template}
        title={draft.title}
        editable={editable}
        autosave={autosave}
        review={review}
        issueCount={issues.length}
        submitting={submitting}
        onSubmit={() => void submit()}
        side={hasSide ? side : null}
      />
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={canComment ? t('review.reviewHint') : t('editor.readOnly')} />}
      {editable && <TemplateUpdateNotice id={report.id} />}
      {autosave.state === 'failed' && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('editor.saveFailedLong')} description={autosave.error} />}
      {marks.cellMarks && <style data-testid="commented-cells">{marks.cellMarks}</style>}
      {showReview && !side.collapsed && <MarginLink comments={marks.ordered} activeId={commenting.activeComment} />}
      <div className="rd-editor-layout">
        <div className="rd-editor-main" data-testid="document-body">
          <MetadataCard form={form} template={template} shown={shown} metadata={current.metadata} editable={editable} onValuesChange={draft.updateMetadata} />
          {template.sections.map((section, index) => (
            <SectionCard
              key={`${section.id}:${draft.richKeys[section.id] ?? 0}`}
              index={index}
              section={section}
              content={current.sections[section.id]}
              editable={editable}
              onChange={draft.updateSection}
              highlights={marks.highlights[section.id]}
              onComment={canComment ? commenting.commentOn : undefined}
              onSectionComment={canComment ? commenting.commentOnSection : undefined}
              onCellClick={commenting.onCellClick}
              onCellComment={canComment ? commenting.onCellComment : undefined}
              onHighlightClick={commenting.focusComment}
              richKey={draft.richKeys[section.id] ?? 0}
              onGenerate={editable && section.table?.sentenceRules?.length ? generateFor : undefined}
            />
          ))}
        </div>
        {hasSide && (
          <EditorSidePane
            report={report}
            review={showReview ? review : null}
            profile={profile}
            collapsed={side.collapsed}
            issues={editable ? issues : null}
            commenting={commenting}
            placement={marks.placement}
          />
        )}
      </div>
      <EditorDialogs
        template={template}
        current={current}
        commenting={commenting}
        sentencesFor={sentencesFor}
        onInsertSentences={insertSentences}
        onCloseSentences={() => setSentencesFor(null)}
        autosave={autosave}
      />
    </div>
  );
}
