import { ExclamationCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Badge, Button, Col, Drawer, Input, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cadence, DocumentKind, Template } from '../../../electron/core/common/schemas/template';
import { ApiCallError, request } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notifier';
import { navigationItems, shortcutEvents } from '../../app/shortcuts';
import { useProfile } from '../profiles/session';
import { braces, EditorIssuesContext, indexIssues, issueMessage, WithIssues } from './editor-issues';
import { FieldListEditor } from './FieldListEditor';
import { SectionEditor } from './SectionEditor';
import {
  draftSignature,
  draftToTemplate,
  issueArea,
  limits,
  moveItem,
  newSection,
  nextSectionId,
  removeItem,
  replaceItem,
  serverIssuePath,
  templateFileText,
  templateToDraft,
  validateDraft,
  type DraftIssue,
  type DraftTemplate,
} from './template-draft';

const documentKinds: DocumentKind[] = ['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom'];
const cadences: Cadence[] = ['daily', 'weekly', 'monthly', 'quarterly', 'none'];
type TabKey = 'basics' | 'metadata' | 'sections';

/** What the editor opens: a stored template (saved as a new version of it) or a new one (`baseVersion` null). */
export interface EditorSource {
  template: Template;
  /** The version being edited; null for a template that is not stored yet (its first save imports it as v1). */
  baseVersion: number | null;
}

interface Conflict {
  message: string;
}

function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={htmlFor} style={{ display: 'block', marginBottom: 4, color: 'rgba(0,0,0,0.75)' }}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The template editor, in a large drawer over the templates page: details, details fields and sections
 * (with table columns and formulas). Every save is a new version (`templates:save` with the version being
 * edited as `baseVersion`); documents keep the version they were made from.
 */
export function TemplateEditor({
  source,
  onClose,
  onSaved,
}: {
  source: EditorSource;
  onClose: () => void;
  onSaved: (template: Template) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<DraftTemplate>(() => templateToDraft(source.template));
  const [baseline, setBaseline] = useState(() => draftSignature(templateToDraft(source.template)));
  const [baseVersion, setBaseVersion] = useState<number | null>(source.baseVersion);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(source.template.sections.length <= 3 ? source.template.sections.map((section) => section.id) : []),
  );
  const [tab, setTab] = useState<TabKey>('basics');
  const [showSummary, setShowSummary] = useState(false);
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  const profile = useProfile();
  const save = useChannelMutation('templates:save', { shownInPlace: true });
  const importNew = useChannelMutation('templates:import', { shownInPlace: true });
  const saving = save.isPending || importNew.isPending;

  const issues = useMemo(() => validateDraft(draft), [draft]);
  const allIssues = useMemo(() => [...issues, ...serverIssues], [issues, serverIssues]);
  const errors = allIssues.filter((issue) => issue.severity === 'error');
  const indexed = useMemo(() => indexIssues(allIssues), [allIssues]);
  const signature = useMemo(() => draftSignature(draft), [draft]);
  const dirty = baseVersion === null || signature !== baseline;
  const metadataKeys = draft.metadataFields.map((field) => field.key.trim()).filter(Boolean);

  /** Every change goes through here: backend issues describe the old draft, so they are dropped. */
  const change = useCallback((update: (previous: DraftTemplate) => DraftTemplate) => {
    setDraft(update);
    setServerIssues([]);
  }, []);

  const errorCount = (area: TabKey) => errors.filter((issue) => issueArea(issue.path).area === area).length;

  const jumpTo = (issue: DraftIssue) => {
    const { area, section } = issueArea(issue.path);
    setTab(area);
    if (section !== undefined && draft.sections[section]) {
      const id = draft.sections[section].id;
      setExpanded((previous) => new Set(previous).add(id));
      setScrollTarget(id);
    }
  };

  useEffect(() => {
    if (!scrollTarget) return;
    const timer = window.setTimeout(() => {
      document.getElementById(`template-section-${scrollTarget}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      setScrollTarget(null);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [scrollTarget, tab]);

  const submit = async () => {
    if (saving) return;
    setServerError(null);
    if (errors.length) {
      setShowSummary(true);
      jumpTo(errors[0]);
      return;
    }
    setShowSummary(false);
    const template = draftToTemplate(draft);
    const sent = signature;
    try {
      const saved =
        baseVersion === null
          ? (await importNew.mutateAsync({ fileName: `${template.name}.rdtpl.json`, text: templateFileText(template) })).template
          : await save.mutateAsync({ template, baseVersion });
      setDraft((previous) => ({ ...previous, version: saved.version, createdAt: saved.createdAt, createdBy: saved.createdBy }));
      setBaseline(sent);
      setBaseVersion(saved.version);
      setConflict(null);
      message.success(t('templateEditor.savedAs', { version: saved.version }));
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiCallError)) {
        setServerError(String(error));
        return;
      }
      if (error.error.code === 'conflict') {
        setConflict({ message: error.error.message });
        return;
      }
      const mapped = (error.error.issues ?? []).map<DraftIssue>((issue) => ({
        path: serverIssuePath(issue.path, template),
        code: 'server',
        severity: 'error',
        params: { message: issue.message },
      }));
      setServerIssues(mapped);
      setServerError(error.error.message);
      if (mapped.length) jumpTo(mapped[0]);
    }
  };

  const submitRef = useRef(submit);
  submitRef.current = submit;

  /** The latest stored version, or null (the failure is notified) when it cannot be read. */
  const fetchLatest = async (): Promise<Template | null> => {
    try {
      return (await request('templates:get', { id: draft.id })).template;
    } catch (error) {
      notifyError(error);
      return null;
    }
  };

  const reloadLatest = async () => {
    const template = await fetchLatest();
    if (!template) return;
    const next = templateToDraft(template);
    setDraft(next);
    setBaseline(draftSignature(next));
    setBaseVersion(template.version);
    setServerIssues([]);
    setServerError(null);
    setConflict(null);
    message.info(t('templateEditor.reloaded', { version: template.version }));
  };

  const keepMine = async () => {
    const template = await fetchLatest();
    if (!template) return;
    setBaseVersion(template.version);
    setConflict(null);
    message.info(t('templateEditor.rebased', { version: template.version }));
  };

  const confirmLeave = useCallback(
    (then: () => void) => {
      if (!dirty) {
        then();
        return;
      }
      modal.confirm({
        title: t('templateEditor.leaveTitle'),
        icon: <ExclamationCircleOutlined />,
        content: t('templateEditor.leaveText'),
        okText: t('templateEditor.leaveDiscard'),
        okButtonProps: { danger: true },
        cancelText: t('templateEditor.leaveStay'),
        onOk: then,
      });
    },
    [dirty, modal, t],
  );

  // Closing the window or reloading with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [dirty]);

  // Ctrl+S saves; the page shortcuts (Alt+1…5, Ctrl+N) ask before leaving unsaved changes.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        event.stopImmediatePropagation();
        // Let the focused input finish first (a renamed column key renames its references on blur).
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        window.setTimeout(() => void submitRef.current(), 0);
        return;
      }
      if (!dirty) return;
      const page = event.altKey && !event.ctrlKey && /^[1-5]$/.test(event.key) ? navigationItems[Number(event.key) - 1].path : null;
      const newDocument = mod && event.key.toLowerCase() === 'n';
      if (!page && !newDocument) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      confirmLeave(() => {
        onClose();
        navigate(page ?? '/reports');
        if (newDocument) window.setTimeout(() => window.dispatchEvent(new Event(shortcutEvents.newDocument)), 0);
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dirty, confirmLeave, navigate, onClose]);

  const addSection = () => {
    const id = nextSectionId(draft.sections.map((section) => section.id));
    change((previous) => ({ ...previous, sections: [...previous.sections, newSection(id, t('templateEditor.newSectionTitle'))] }));
    setExpanded((previous) => new Set(previous).add(id));
    setScrollTarget(id);
  };

  const insertPlaceholder = (key: string) => change((previous) => ({ ...previous, titlePattern: `${previous.titlePattern}{{${key}}}` }));

  const tabLabel = (key: TabKey, text: string) => (
    <Space size={6}>
      {text}
      {errorCount(key) > 0 && <Badge count={errorCount(key)} size="small" />}
    </Space>
  );

  const basics = (
    <div data-testid="editor-basics">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Labelled label={t('templateEditor.name')} htmlFor="template-name">
            <WithIssues path="name">
              {(status) => (
                <Input
                  id="template-name"
                  value={draft.name}
                  status={status}
                  maxLength={limits.name}
                  onChange={(event) => change((previous) => ({ ...previous, name: event.target.value }))}
                />
              )}
            </WithIssues>
          </Labelled>
        </Col>
        <Col xs={12} md={6}>
          <Labelled label={t('templateEditor.kind')} htmlFor="template-kind">
            <Select
              id="template-kind"
              value={draft.kind}
              style={{ width: '100%' }}
              options={documentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              onChange={(kind) => change((previous) => ({ ...previous, kind }))}
            />
          </Labelled>
        </Col>
        <Col xs={12} md={6}>
          <Labelled label={t('templates.cadence')} htmlFor="template-cadence">
            <Select
              id="template-cadence"
              value={draft.cadence}
              style={{ width: '100%' }}
              options={cadences.map((cadence) => ({ value: cadence, label: t(`cadences.${cadence}`) }))}
              onChange={(cadence) => change((previous) => ({ ...previous, cadence }))}
            />
          </Labelled>
        </Col>
      </Row>
      <Labelled label={t('templateEditor.description')} htmlFor="template-description">
        <WithIssues path="description">
          {(status) => (
            <Input.TextArea
              id="template-description"
              value={draft.description}
              status={status}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={limits.description}
              showCount
              onChange={(event) => change((previous) => ({ ...previous, description: event.target.value }))}
            />
          )}
        </WithIssues>
      </Labelled>
      <Labelled label={t('templateEditor.titlePattern')} htmlFor="template-title-pattern">
        <WithIssues path="titlePattern">
          {(status) => (
            <Input
              id="template-title-pattern"
              value={draft.titlePattern}
              status={status}
              maxLength={limits.titlePattern}
              onChange={(event) => change((previous) => ({ ...previous, titlePattern: event.target.value }))}
            />
          )}
        </WithIssues>
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {metadataKeys.length ? t('templateEditor.placeholderHint') : t('templateEditor.placeholderNone')}
          </Typography.Text>{' '}
          {metadataKeys.map((key) => (
            <Tag key={key} color="blue" style={{ cursor: 'pointer' }} onClick={() => insertPlaceholder(key)} data-testid="placeholder-tag">
              {`{{${key}}}`}
            </Tag>
          ))}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('templateEditor.titlePatternEmpty')}
        </Typography.Text>
      </Labelled>
    </div>
  );

  const metadata = (
    <div>
      <Typography.Paragraph type="secondary">{t('templateEditor.metadataHint', braces)}</Typography.Paragraph>
      <FieldListEditor
        fields={draft.metadataFields}
        onChange={(metadataFields) => change((previous) => ({ ...previous, metadataFields }))}
        path="metadataFields"
        testId="metadata-fields"
      />
    </div>
  );

  const sections = (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<PlusOutlined />} onClick={addSection} disabled={draft.sections.length >= limits.sections} data-testid="add-section">
          {t('templateEditor.addSection')}
        </Button>
        <Button onClick={() => setExpanded(new Set(draft.sections.map((section) => section.id)))}>{t('templateEditor.expandAll')}</Button>
        <Button onClick={() => setExpanded(new Set())}>{t('templateEditor.collapseAll')}</Button>
        <Typography.Text type="secondary">{t('templates.sections', { count: draft.sections.length })}</Typography.Text>
      </Space>
      {draft.sections.map((section, index) => (
        <SectionEditor
          key={section.id}
          section={section}
          index={index}
          count={draft.sections.length}
          carryForwardTitle={draft.sections.find((candidate) => candidate.id === section.carryForwardFrom)?.title}
          metadataKeys={draft.metadataFields.map((field) => field.key)}
          expanded={expanded.has(section.id)}
          onToggle={() =>
            setExpanded((previous) => {
              const next = new Set(previous);
              if (next.has(section.id)) next.delete(section.id);
              else next.add(section.id);
              return next;
            })
          }
          onChange={(updated) => change((previous) => ({ ...previous, sections: replaceItem(previous.sections, index, updated) }))}
          onMove={(delta) => change((previous) => ({ ...previous, sections: moveItem(previous.sections, index, delta) }))}
          onRemove={() => change((previous) => ({ ...previous, sections: removeItem(previous.sections, index) }))}
        />
      ))}
      {draft.sections.length > 3 && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={addSection} disabled={draft.sections.length >= limits.sections}>
          {t('templateEditor.addSection')}
        </Button>
      )}
    </div>
  );

  const summaryErrors = showSummary ? errors : [];

  return (
    <Drawer
      open
      size="min(1240px, 100vw)"
      onClose={() => confirmLeave(onClose)}
      mask={{ closable: false }}
      keyboard
      destroyOnHidden
      title={
        <Space wrap size={8}>
          <span>{t('templateEditor.title', { name: draft.name.trim() || t('templateEditor.untitled') })}</span>
          {baseVersion === null ? (
            <Tag color="orange">{t('templateEditor.notSaved')}</Tag>
          ) : (
            <Tag data-testid="editor-version">{t('templateEditor.editingVersion', { version: baseVersion })}</Tag>
          )}
          {dirty && baseVersion !== null && (
            <Typography.Text type="warning" style={{ fontSize: 13, fontWeight: 400 }}>
              {t('templateEditor.unsaved')}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => confirmLeave(onClose)} data-testid="close-editor">
            {t('common.close')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void submit()} data-testid="save-template">
            {baseVersion === null
              ? t('templateEditor.saveFirst')
              : t('templateEditor.saveAsVersion', { version: baseVersion + 1 })}
          </Button>
        </Space>
      }
      styles={{ body: { paddingTop: 8 } }}
    >
      <EditorIssuesContext.Provider value={indexed}>
        <div data-testid="template-editor">
          {/* The drawer covers the header: who is editing (and so publishing) is said here. */}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="template-editor-identity">
            {t('officeTemplates.editingAs', { name: profile.name, role: t(`roles.${profile.role}`) })}
          </Typography.Paragraph>
          {source.template.builtIn && <Alert type="warning" showIcon title={t('templateEditor.builtInReadOnly')} style={{ marginBottom: 12 }} />}
          {conflict && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('templateEditor.conflictTitle')}
              description={
                <div data-testid="editor-conflict">
                  <div>{conflict.message}</div>
                  <div>{t('templateEditor.conflictText')}</div>
                  <Space style={{ marginTop: 8 }} wrap>
                    <Button size="small" onClick={() => void reloadLatest()}>
                      {t('templateEditor.reloadLatest')}
                    </Button>
                    <Button size="small" type="primary" onClick={() => void keepMine()}>
                      {t('templateEditor.keepMine')}
                    </Button>
                  </Space>
                </div>
              }
            />
          )}
          {serverError && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setServerError(null) }}
              style={{ marginBottom: 12 }}
              title={t('templateEditor.saveFailed')}
              description={<span data-testid="editor-server-error">{serverError}</span>}
            />
          )}
          {summaryErrors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('templateEditor.fixBeforeSave', { count: summaryErrors.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="editor-issue-summary">
                  {summaryErrors.slice(0, 8).map((issue, index) => (
                    <li key={index}>
                      <Typography.Link onClick={() => jumpTo(issue)}>{locate(issue)}</Typography.Link>
                      {t('templateEditor.colon')}
                      {issueMessage(t, issue)}
                    </li>
                  ))}
                  {summaryErrors.length > 8 && <li>{t('templateEditor.moreIssues', { count: summaryErrors.length - 8 })}</li>}
                </ul>
              }
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              { key: 'basics', label: tabLabel('basics', t('templateEditor.tabs.basics')), children: basics },
              {
                key: 'metadata',
                label: tabLabel('metadata', t('templateEditor.tabs.metadata', { count: draft.metadataFields.length })),
                children: metadata,
              },
              {
                key: 'sections',
                label: tabLabel('sections', t('templateEditor.tabs.sections', { count: draft.sections.length })),
                children: sections,
              },
            ]}
          />
        </div>
      </EditorIssuesContext.Provider>
    </Drawer>
  );

  function locate(issue: DraftIssue): string {
    const { area, section } = issueArea(issue.path);
    if (section !== undefined) {
      return t('templateEditor.sectionN', { number: section + 1, title: draft.sections[section]?.title.trim() || t('templateEditor.untitledSection') });
    }
    return area === 'metadata' ? t('templateEditor.tabs.metadata', { count: draft.metadataFields.length }) : t('templateEditor.tabs.basics');
  }
}
