import { ArrowLeftOutlined, CommentOutlined, EditOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Result, Space, Spin, Tag, Typography } from 'antd';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate, useParams } from 'react-router';
import { checkCompleteness, type CompletenessIssue } from '../../../electron/api/domain';
import type { Report, SectionContent } from '../../../electron/core/common/schemas/report';
import type { CommentView, ReviewState } from '../../../electron/core/common/review-fold';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import type { SectionDef, Template } from '../../../electron/core/common/schemas/template';
import { call } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { refreshAfter } from '../../api/refreshes';
import { notifyError } from '../../app/notifier';
import { useProfile } from '../profiles/session';
import { CommentDialog, type CommentDraft } from '../review/CommentDialog';
import { anchorRange, type HighlightRange } from '../review/highlights';
import { MarginLink } from '../review/MarginLink';
import { ReviewPane, type CommentPlacement } from '../review/ReviewPane';
import { useReviewActions } from '../review/useReviewActions';
import { CompletenessPanel } from './CompletenessPanel';
import { ConflictDialog } from './ConflictDialog';
import { DataTableGrid } from './grid/DataTableGrid';
import { formatPeriod, statusColors } from './labels';
import { MetadataFields } from './MetadataForm';
import { appendParagraphs, RichTextSection } from './RichTextSection';
import { SentencesDialog } from '../insight/SentencesDialog';
import { TableChart } from '../insight/TableChart';
import { ExportMenu } from '../export/ExportMenu';
import { SaveIndicator } from './SaveIndicator';
import { TemplateUpdateNotice } from './TemplateUpdateNotice';
import { useAutosave, type DraftContent } from './useAutosave';
import { commentedCellStyle, cellTargetName, useSidePane } from './editor-layout';
import { useDocumentChanges } from './useDocumentChanges';
import { WithdrawButton } from './WithdrawButton';

/**
 * A function whose identity never changes but which always runs the latest `callback`: handlers passed to the
 * memoised section cards, so typing in one section does not re-render the others.
 */
function useStableCallback<Arguments extends unknown[], Result>(callback: (...args: Arguments) => Result): (...args: Arguments) => Result {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: Arguments) => latest.current(...args), []);
}

/** Route wrapper: loads the document, its template version, its review and (for readers) the frozen revision. */
export function ReportEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useProfile();
  const loaded = useChannel('reports:get', { id }, { staleTime: Infinity, gcTime: 0 });
  const review = useChannel('review:get', { id }, { enabled: !!loaded.data });
  const report = loaded.data?.report;
  const editable = !!report && report.authorId === profile.id && (report.status === 'draft' || report.status === 'returned');
  const frozenNumber = review.data?.state.lastSubmittedRevision ?? 0;
  const needsFrozen = !!report && !editable && frozenNumber > 0;
  const frozen = useChannel('review:revision', { id, revision: frozenNumber }, { enabled: needsFrozen });
  useDocumentChanges(id, editable);
  if (loaded.isLoading || review.isLoading || (needsFrozen && frozen.isLoading)) return <Spin style={{ margin: 48 }} />;
  if (!loaded.data || !report) {
    return <Result status="404" title={t('editor.notFound')} extra={<Button onClick={() => navigate('/reports')}>{t('common.back')}</Button>} />;
  }
  const shown = needsFrozen && frozen.data ? frozen.data.report : report;
  return (
    <ReportEditor
      key={`${report.id}:${report.status}:${report.revision}:${report.templateVersion}`}
      report={report}
      shown={shown}
      template={loaded.data.template}
      editable={editable}
      review={review.data ?? null}
    />
  );
}

function scrollToTarget(issue: CompletenessIssue) {
  const element = document.getElementById(issue.target === 'metadata' ? 'section-metadata' : `section-${issue.target}`);
  element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const focusable = element?.querySelector<HTMLElement>(
    issue.field ? `[aria-label="${CSS.escape(issue.field)}"], [id$="${CSS.escape(issue.field)}"]` : '[contenteditable="true"], input, [tabindex="0"]',
  );
  window.setTimeout(() => focusable?.focus(), 300);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type DialogState = { mode: 'new'; anchor: Anchor; target: string } | { mode: 'edit'; comment: CommentView; target: string } | null;

/** Where each comment sits in the text shown, for the pane's order and its "原文已修改" marker. */
function placeComment(comment: CommentView, template: Template, sections: Record<string, SectionContent>, t: TFunction): CommentPlacement {
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

/** The drafting editor and, for readers and reviewers, the document with its review pane. */
function ReportEditor({
  report,
  shown,
  template,
  editable,
  review,
}: {
  report: Report;
  shown: Report;
  template: Template;
  editable: boolean;
  review: { state: ReviewState; revisions: number[]; unseen: number; withdrawable?: boolean } | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useProfile();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const { run, busy } = useReviewActions();
  const [current, setCurrent] = useState<DraftContent>({ metadata: shown.metadata, sections: shown.sections });
  const [title, setTitle] = useState(shown.title);
  const currentRef = useRef(current);
  currentRef.current = current;
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [submitting, setSubmitting] = useState(false);
  /** 生成描述: the table whose figures are being turned into sentences. */
  const [sentencesFor, setSentencesFor] = useState<SectionDef | null>(null);
  /** Bumped to remount a text section's editor after text was inserted into it from outside. */
  const [richKeys, setRichKeys] = useState<Record<string, number>>({});
  const [form] = Form.useForm<Record<string, string>>();
  const autosave = useAutosave({
    report,
    onSaved: (saved) => {
      setTitle(saved.title);
      void refreshAfter(client, 'reports:save-draft');
    },
    // Another window saved parts this one had not edited: show them (each such section is re-created with
    // its new content); unsaved text here is never among them.
    onExternal: (change) => {
      if (change.report.status !== report.status) {
        void client.invalidateQueries({ queryKey: ['reports:get'] });
        void client.invalidateQueries({ queryKey: ['review:get'] });
        return;
      }
      const ids = Object.keys(change.sections);
      if (!ids.length && !change.metadata) return;
      for (const id of ids) delete pendingSections.current[id];
      setCurrent((previous) => ({ metadata: change.metadata ?? previous.metadata, sections: { ...previous.sections, ...change.sections } }));
      if (change.metadata) form.setFieldsValue(change.metadata);
      setTitle(change.report.title);
      setRichKeys((keys) => ({ ...keys, ...Object.fromEntries(ids.map((id) => [id, (keys[id] ?? 0) + 1])) }));
      message.info({ content: t('sync.updatedElsewhere'), key: 'sync-updated' });
    },
  });
  const supervisor = profile.role === 'supervisor';
  const canComment = supervisor && (report.status === 'submitted' || report.status === 'approved' || report.status === 'returned');
  const comments = useMemo(() => review?.state.comments ?? [], [review]);
  const showReview = !!review && (comments.length > 0 || !!review.state.currentDecision || (supervisor && report.status !== 'draft'));

  /** Section edits not yet in the page's state (see updateSection). */
  const pendingSections = useRef<Record<string, SectionContent>>({});
  const pendingTimer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (pendingTimer.current !== null) window.clearTimeout(pendingTimer.current);
    },
    [],
  );
  const updateSection = useStableCallback((sectionId: string, content: SectionContent) => {
    // Readers never save, and a section reporting the content it already has is not an edit.
    if (!editable || sameJson(pendingSections.current[sectionId] ?? currentRef.current.sections[sectionId], content)) return;
    autosave.update({ sections: { [sectionId]: content } });
    if (content.type !== 'richtext') {
      // Tables and fields show what the page holds: they must see every edit at once.
      delete pendingSections.current[sectionId];
      setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, [sectionId]: content } }));
      return;
    }
    // Text: the autosave has it at once; the page (completeness, comment marks) follows at most five times a
    // second, as a transition after the keystroke is painted. The editor holds its own text and updates without
    // React, so typing in a 100-page document does not re-render the page on every key.
    pendingSections.current[sectionId] = content;
    if (pendingTimer.current !== null) return;
    pendingTimer.current = window.setTimeout(() => {
      pendingTimer.current = null;
      const changed = pendingSections.current;
      pendingSections.current = {};
      startTransition(() => setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, ...changed } })));
    }, 200);
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (editable) void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave, editable]);

  const issues = useMemo(() => checkCompleteness(template, current), [template, current]);
  // The same element on every render: the fields re-render only when the template or editability changes.
  const metadataFields = useMemo(() => <MetadataFields fields={template.metadataFields} disabled={!editable} />, [template.metadataFields, editable]);

  const insertSentences = (sectionId: string, sentences: string[]) => {
    if (!editable) return;
    // The latest text of the section (the autosave's copy is ahead of the page while a render is pending).
    const content = autosave.draft.current.sections[sectionId] ?? current.sections[sectionId];
    const doc = content?.type === 'richtext' ? content.doc : { type: 'doc', content: [] };
    // A section that is only an empty paragraph starts with the sentences instead of a blank line.
    const blank = (doc.content ?? []).every((node) => node.type === 'paragraph' && !(node.content ?? []).length);
    const next: SectionContent = { type: 'richtext', doc: appendParagraphs(blank ? { ...doc, content: [] } : doc, sentences) };
    autosave.update({ sections: { [sectionId]: next } });
    delete pendingSections.current[sectionId];
    // Not a transition: the section's editor is recreated (new key) in the same render, from this content.
    setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, [sectionId]: next } }));
    setRichKeys((keys) => ({ ...keys, [sectionId]: (keys[sectionId] ?? 0) + 1 }));
    setSentencesFor(null);
    message.success(t('insight.inserted', { count: sentences.length }));
    window.setTimeout(() => document.getElementById(`section-${sectionId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 100);
  };

  const highlights = useMemo(() => {
    const bySection: Record<string, HighlightRange[]> = {};
    for (const comment of comments) {
      if (comment.anchor.kind !== 'text' || comment.retracted) continue;
      const content = current.sections[comment.anchor.sectionId];
      if (content?.type !== 'richtext') continue;
      const range = anchorRange(content.doc, comment.anchor);
      if (!range) continue;
      (bySection[comment.anchor.sectionId] ??= []).push({ ...range, commentId: comment.id, kind: comment.kind, active: comment.id === activeComment });
    }
    return bySection;
  }, [comments, current.sections, activeComment]);

  const placement = useCallback((comment: CommentView) => placeComment(comment, template, current.sections, t), [template, current.sections, t]);
  // The comments in the order of the text, for the margin that follows the scrolling.
  const ordered = useMemo(() => [...comments].sort((a, b) => placement(a).order - placement(b).order || a.at.localeCompare(b.at)), [comments, placement]);
  // Cells with a comment carry a red corner, as in Excel.
  const cellMarks = useMemo(() => commentedCellStyle(comments, activeComment), [comments, activeComment]);

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

  const focusComment = useStableCallback((commentId: string) => {
    setActiveComment(commentId);
    document.querySelector(`[data-testid="comment-${CSS.escape(commentId)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  });

  const revealAnchor = (comment: CommentView) => {
    setActiveComment(comment.id);
    if (comment.anchor.kind === 'document') return;
    const mark = document.querySelector(`[data-comment="${CSS.escape(comment.id)}"]`);
    const cell = comment.anchor.kind === 'cell' ? document.querySelector(`[data-cell="${CSS.escape(`${comment.anchor.sectionId}:${comment.anchor.rowId}:${comment.anchor.columnKey}`)}"]`) : null;
    (mark ?? cell ?? document.getElementById(`section-${comment.anchor.sectionId}`))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const onCellClick = useStableCallback((section: SectionDef, event: React.MouseEvent) => {
    if (!canComment) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [, rowId, columnKey] = cell.getAttribute('data-cell')!.split(':');
    if (!rowId || rowId === 'totals') return;
    const quote = (cell.textContent ?? '').trim();
    const content = currentRef.current.sections[section.id];
    const anchor = { kind: 'cell' as const, sectionId: section.id, rowId, columnKey, quote };
    setDialog({ mode: 'new', anchor, target: cellTargetName(t, section, content?.type === 'table' ? content.rows : [], anchor) });
  });
  const commentOn = useStableCallback((section: SectionDef, anchor: Extract<Anchor, { kind: 'text' }>) =>
    setDialog({ mode: 'new', anchor, target: t('workspace.textTarget', { section: section.title, quote: anchor.quote }) }),
  );
  const commentOnSection = useStableCallback((section: SectionDef) => setDialog({ mode: 'new', anchor: { kind: 'section', sectionId: section.id }, target: section.title }));
  const generateFor = useStableCallback((section: SectionDef) => setSentencesFor(section));
  /** Ctrl+Alt+M on a table: a comment on its selected cell (the keyboard's way to what a click does). */
  const onCellComment = useStableCallback((section: SectionDef, cell: HTMLElement) => {
    if (!canComment) return;
    const [, rowId, columnKey] = (cell.getAttribute('data-cell') ?? '').split(':');
    if (!rowId || rowId === 'totals' || !columnKey) return;
    const quote = (cell.textContent ?? '').trim();
    const content = currentRef.current.sections[section.id];
    const anchor = { kind: 'cell' as const, sectionId: section.id, rowId, columnKey, quote };
    setDialog({ mode: 'new', anchor, target: cellTargetName(t, section, content?.type === 'table' ? content.rows : [], anchor) });
  });
  const side = useSidePane();

  const hasSide = editable || showReview;
  return (
    <div className={`rd-page rd-editor${hasSide && side.collapsed ? ' rd-editor-side-collapsed' : ''}`}>
      <div className="rd-page-header rd-editor-header" data-testid="document-header">
        <div className="rd-editor-heading">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="document-title" ellipsis={{ tooltip: title }}>
            {title}
          </Typography.Title>
          <Tag color={statusColors[report.status]} data-testid="document-status">
            {t(`statuses.${report.status}`)}
          </Tag>
          {shown.revision > 1 || report.revision > 1 ? <Tag>{t('review.revisionTag', { revision: shown.revision })}</Tag> : null}
          <Tag className="rd-editor-template-tag" title={`${template.name} · ${t('common.version', { version: template.version })}`}>
            {template.name} · {t('common.version', { version: template.version })}
          </Tag>
          {report.review?.grade && <Tag color="purple">{report.review.grade}</Tag>}
        </div>
        <div className="rd-editor-actions">
          {editable && <SaveIndicator state={autosave.state} error={autosave.error} savedAt={autosave.savedAt} />}
          <WithdrawButton report={report} review={review} />
          <ExportMenu report={report} beforeExport={editable ? () => autosave.flush() : undefined} />
          {editable && (
            <Button icon={<SaveOutlined />} onClick={() => void autosave.flush()} title="Ctrl+S">
              {t('common.save')}
            </Button>
          )}
          {editable && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={submitting}
              disabled={issues.length > 0}
              title={issues.length > 0 ? t('review.submitBlocked', { count: issues.length }) : undefined}
              onClick={() => void submit()}
            >
              {report.status === 'returned' ? t('review.resubmit') : t('review.submit')}
            </Button>
          )}
          {hasSide && (
            <Button
              icon={side.collapsed ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
              onClick={side.toggle}
              aria-expanded={!side.collapsed}
              aria-controls="editor-side-pane"
              title={`${side.collapsed ? t('workspace.showPane') : t('workspace.hidePane')} (Ctrl+.)`}
              aria-label={side.collapsed ? t('workspace.showPane') : t('workspace.hidePane')}
              data-testid="side-pane-toggle"
            />
          )}
        </div>
      </div>
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={canComment ? t('review.reviewHint') : t('editor.readOnly')} />}
      {editable && <TemplateUpdateNotice id={report.id} />}
      {autosave.state === 'failed' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('editor.saveFailedLong')} description={autosave.error} />
      )}
      {cellMarks && <style data-testid="commented-cells">{cellMarks}</style>}
      {showReview && !side.collapsed && <MarginLink comments={ordered} activeId={activeComment} />}
      <div className="rd-editor-layout">
        <div className="rd-editor-main" data-testid="document-body">
          <Card size="small" id="section-metadata" title={t('reports.metadata')} style={{ marginBottom: 12 }}>
            <Form
              form={form}
              layout="inline"
              initialValues={shown.metadata}
              disabled={!editable}
              onValuesChange={(_, all) => {
                const metadata = Object.fromEntries(Object.entries(all).map(([key, value]) => [key, (value as string | null | undefined) ?? '']));
                // Inputs that normalise their value on mount (e.g. an empty number) are not edits.
                const merged = { ...currentRef.current.metadata, ...metadata };
                if (!editable || sameJson(currentRef.current.metadata, merged)) return;
                setCurrent((previous) => ({ ...previous, metadata: merged }));
                autosave.update({ metadata: merged });
              }}
              className="rd-metadata-form"
            >
              {metadataFields}
            </Form>
            {shown.period && (
              <Typography.Text type="secondary">
                {t('reports.columnPeriod')}：{formatPeriod(current.metadata['报告期'] ?? shown.period)}
              </Typography.Text>
            )}
          </Card>
          {template.sections.map((section, index) => (
            <SectionCard
              key={`${section.id}:${richKeys[section.id] ?? 0}`}
              index={index}
              section={section}
              content={current.sections[section.id]}
              editable={editable}
              onChange={updateSection}
              highlights={highlights[section.id]}
              onComment={canComment ? commentOn : undefined}
              onSectionComment={canComment ? commentOnSection : undefined}
              onCellClick={onCellClick}
              onCellComment={canComment ? onCellComment : undefined}
              onHighlightClick={focusComment}
              richKey={richKeys[section.id] ?? 0}
              onGenerate={editable && section.table?.sentenceRules?.length ? generateFor : undefined}
            />
          ))}
        </div>
        {hasSide && (
          <aside id="editor-side-pane" className="rd-editor-side" data-testid="side-pane" aria-label={t('workspace.sidePane')} hidden={side.collapsed}>
            <div className="rd-side">
              {editable && <CompletenessPanel issues={issues} onJump={scrollToTarget} />}
              {showReview && review && (
                <ReviewPane
                  report={report}
                  state={review.state}
                  revisions={review.revisions}
                  unseen={review.unseen}
                  profile={profile}
                  activeCommentId={activeComment}
                  placement={placement}
                  onSelectComment={revealAnchor}
                  onEditComment={(comment) => setDialog({ mode: 'edit', comment, target: placement(comment).target })}
                  onDocumentComment={() => setDialog({ mode: 'new', anchor: { kind: 'document' }, target: t('review.wholeDocument') })}
                />
              )}
            </div>
          </aside>
        )}
      </div>
      {dialog && (
        <CommentDialog
          title={dialog.mode === 'new' ? t('review.newComment') : t('review.editComment')}
          target={dialog.target}
          initial={dialog.mode === 'edit' ? { kind: dialog.comment.kind, text: dialog.comment.text } : undefined}
          busy={busy}
          onSubmit={(draft) => void saveComment(draft)}
          onCancel={() => setDialog(null)}
        />
      )}
      {sentencesFor && sentencesFor.table && (
        <SentencesDialog
          template={template}
          section={sentencesFor}
          rows={(() => {
            const content = current.sections[sentencesFor.id];
            return content?.type === 'table' ? content.rows : [];
          })()}
          metadata={current.metadata}
          onInsert={insertSentences}
          onClose={() => setSentencesFor(null)}
        />
      )}
      {autosave.conflict && <ConflictDialog template={template} conflict={autosave.conflict} onResolve={(choice) => void autosave.resolveConflict(choice)} />}
    </div>
  );
}

interface SectionCardProps {
  section: SectionDef;
  index: number;
  content: SectionContent | undefined;
  editable: boolean;
  onChange: (sectionId: string, content: SectionContent) => void;
  highlights?: HighlightRange[];
  onComment?: (section: SectionDef, anchor: Extract<Anchor, { kind: 'text' }>) => void;
  onSectionComment?: (section: SectionDef) => void;
  onCellClick: (section: SectionDef, event: React.MouseEvent) => void;
  /** Ctrl+Alt+M on a table's selected cell (reviewers). */
  onCellComment?: (section: SectionDef, cell: HTMLElement) => void;
  onHighlightClick: (commentId: string) => void;
  /** Changes when text was inserted from outside (生成描述): the text editor is recreated with it. */
  richKey: number;
  /** 生成描述 for a table whose template has wording rules (the writer's own editable document). */
  onGenerate?: (section: SectionDef) => void;
}

/**
 * Props unchanged for a section card. A text section's editor holds its own text (it reads `content` only when
 * created, and is recreated through `richKey`), so new content from its own typing is no reason to re-render.
 */
function sameSectionCard(previous: SectionCardProps, next: SectionCardProps): boolean {
  for (const key of Object.keys(next) as (keyof SectionCardProps)[]) {
    if (key === 'content' && next.section.kind === 'richtext') continue;
    if (previous[key] !== next[key]) return false;
  }
  return Object.keys(previous).length === Object.keys(next).length;
}

/** One section of the document; memoised (with stable handlers) so a keystroke re-renders only its own section. */
const SectionCard = memo(function SectionCard({
  section,
  index,
  content,
  editable,
  onChange,
  highlights,
  onComment,
  onSectionComment,
  onCellClick,
  onCellComment,
  onHighlightClick,
  richKey,
  onGenerate,
}: SectionCardProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  let body: React.ReactNode = null;
  if (section.kind === 'richtext') {
    const doc = content?.type === 'richtext' ? content.doc : { type: 'doc', content: [{ type: 'paragraph' }] };
    body = (
      <RichTextSection
        key={richKey}
        sectionId={section.id}
        doc={doc}
        editable={editable}
        label={section.title}
        highlights={highlights}
        onComment={onComment ? (anchor) => onComment(section, anchor) : undefined}
        onHighlightClick={onHighlightClick}
        onChange={(next) => onChange(section.id, { type: 'richtext', doc: next })}
      />
    );
  } else if (section.kind === 'table' && section.table) {
    body = (
      <div
        onClick={(event) => onCellClick(section, event)}
        onKeyDown={(event) => {
          if (!onCellComment || !(event.ctrlKey || event.metaKey) || !event.altKey || event.key.toLowerCase() !== 'm') return;
          const cell = event.currentTarget.querySelector<HTMLElement>('[data-cell][aria-selected="true"]');
          if (!cell) return;
          event.preventDefault();
          onCellComment(section, cell);
        }}
        className={onComment ? 'rd-grid-commentable' : undefined}
      >
        <DataTableGrid
          table={section.table}
          rows={content?.type === 'table' ? content.rows : []}
          readOnly={!editable}
          sectionId={section.id}
          title={section.title}
          onChange={(rows) => onChange(section.id, { type: 'table', rows })}
        />
        {section.table.chart && <TableChart table={section.table} rows={content?.type === 'table' ? content.rows : []} title={section.title} sectionId={section.id} />}
      </div>
    );
  } else if (section.kind === 'fields') {
    body = (
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={content?.type === 'fields' ? content.values : {}}
        onValuesChange={(_, all) =>
          onChange(section.id, {
            type: 'fields',
            values: Object.fromEntries(Object.entries(all).map(([key, value]) => [key, (value as string | undefined) ?? ''])),
          })
        }
      >
        <MetadataFields fields={section.fields ?? []} disabled={!editable} />
      </Form>
    );
  }
  return (
    <Card
      size="small"
      id={`section-${section.id}`}
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <span>{section.title}</span>
          {section.required && <Tag color="red">{t('templates.requiredSection')}</Tag>}
          {section.minLength ? <Tag>{t('templates.minLength', { count: section.minLength })}</Tag> : null}
        </Space>
      }
      extra={
        onSectionComment || onGenerate ? (
          <Space size={4}>
            {onGenerate && (
              <Button size="small" icon={<EditOutlined />} onClick={() => onGenerate(section)} title={t('insight.generateHint')} data-testid={`generate-sentences-${section.id}`}>
                {t('insight.generate')}
              </Button>
            )}
            {onSectionComment && (
              <Button size="small" type="text" icon={<CommentOutlined />} onClick={() => onSectionComment(section)} data-testid={`comment-section-${section.id}`}>
                {t('review.sectionComment')}
              </Button>
            )}
          </Space>
        ) : null
      }
      data-section-index={index}
    >
      {/* Guidance beside the text when the section is wide enough (a container query), else above it. */}
      <div className="rd-section-frame">
        <div className={section.guidance && editable ? 'rd-section-body rd-section-with-guidance' : 'rd-section-body'}>
          <div className="rd-section-content">{body}</div>
          {section.guidance && editable && (
            <div className="rd-guidance" aria-label={t('templates.guidance')}>
              <Typography.Text strong>{t('templates.guidance')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {section.guidance}
              </Typography.Paragraph>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}, sameSectionCard);
