import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { checkCompleteness, type CompletenessIssue } from '../../../electron/core/reports/completeness';
import type { Report, SectionContent } from '../../../electron/core/reports/schema';
import type { SectionDef, Template } from '../../../electron/core/templates/schema';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { CompletenessPanel } from './CompletenessPanel';
import { ConflictDialog } from './ConflictDialog';
import { DataTableGrid } from './grid/DataTableGrid';
import { formatPeriod, statusColors } from './labels';
import { MetadataFields } from './MetadataForm';
import { RichTextSection } from './RichTextSection';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave, type DraftContent } from './useAutosave';

/** Route wrapper: loads the document and its template version, then mounts the editor keyed by id. */
export function ReportEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useChannel('reports:get', { id }, { staleTime: Infinity, gcTime: 0 });
  if (loaded.isLoading) return <Spin style={{ margin: 48 }} />;
  if (!loaded.data) {
    return (
      <Result
        status="404"
        title={t('editor.notFound')}
        extra={<Button onClick={() => navigate('/reports')}>{t('common.back')}</Button>}
      />
    );
  }
  return <ReportEditor key={loaded.data.report.id} report={loaded.data.report} template={loaded.data.template} />;
}

function scrollToTarget(issue: CompletenessIssue) {
  const element = document.getElementById(issue.target === 'metadata' ? 'section-metadata' : `section-${issue.target}`);
  element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const focusable = element?.querySelector<HTMLElement>(
    issue.field ? `[aria-label="${CSS.escape(issue.field)}"], [id$="${CSS.escape(issue.field)}"]` : '[contenteditable="true"], input, [tabindex="0"]',
  );
  window.setTimeout(() => focusable?.focus(), 300);
}

/** The drafting editor: details, every section with its guidance, autosave, completeness. */
function ReportEditor({ report, template }: { report: Report; template: Template }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useProfile();
  const client = useQueryClient();
  const editable = report.authorId === profile.id && (report.status === 'draft' || report.status === 'returned');
  const [current, setCurrent] = useState<DraftContent>({ metadata: report.metadata, sections: report.sections });
  const [title, setTitle] = useState(report.title);
  const [showCompleteness, setShowCompleteness] = useState(true);
  const [form] = Form.useForm<Record<string, string>>();
  const autosave = useAutosave({
    report,
    onSaved: (saved) => {
      setTitle(saved.title);
      void client.invalidateQueries({ queryKey: ['reports:list'] });
    },
  });

  const updateSection = useCallback(
    (sectionId: string, content: SectionContent) => {
      setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, [sectionId]: content } }));
      autosave.update({ sections: { [sectionId]: content } });
    },
    [autosave],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave]);

  const issues = useMemo(() => checkCompleteness(template, current), [template, current]);

  return (
    <div className="rd-page rd-editor">
      <div className="rd-page-header rd-editor-header">
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/reports')} aria-label={t('common.back')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="document-title">
            {title}
          </Typography.Title>
          <Tag color={statusColors[report.status]}>{t(`statuses.${report.status}`)}</Tag>
          <Tag>{template.name} · {t('common.version', { version: template.version })}</Tag>
        </Space>
        <Space>
          {editable && <SaveIndicator state={autosave.state} error={autosave.error} savedAt={autosave.savedAt} />}
          {editable && (
            <Button icon={<SaveOutlined />} onClick={() => void autosave.flush()} title="Ctrl+S">
              {t('common.save')}
            </Button>
          )}
          <Button onClick={() => setShowCompleteness((value) => !value)}>
            {t('editor.completeness')} {issues.length > 0 && <Tag color="warning" style={{ marginInlineStart: 6 }}>{issues.length}</Tag>}
          </Button>
        </Space>
      </div>
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('editor.readOnly')} />}
      {autosave.state === 'failed' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('editor.saveFailedLong')} description={autosave.error} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={showCompleteness ? 18 : 24}>
          <Card size="small" id="section-metadata" title={t('reports.metadata')} style={{ marginBottom: 12 }}>
            <Form
              form={form}
              layout="inline"
              initialValues={report.metadata}
              disabled={!editable}
              onValuesChange={(_, all) => {
                const metadata = Object.fromEntries(Object.entries(all).map(([key, value]) => [key, (value as string | undefined) ?? '']));
                setCurrent((previous) => ({ ...previous, metadata }));
                autosave.update({ metadata });
              }}
              className="rd-metadata-form"
            >
              <MetadataFields fields={template.metadataFields} disabled={!editable} />
            </Form>
            {report.period && (
              <Typography.Text type="secondary">
                {t('reports.columnPeriod')}：{formatPeriod(current.metadata['报告期'] ?? report.period)}
              </Typography.Text>
            )}
          </Card>
          {template.sections.map((section, index) => (
            <SectionCard
              key={section.id}
              index={index}
              section={section}
              content={current.sections[section.id]}
              editable={editable}
              onChange={updateSection}
            />
          ))}
        </Col>
        {showCompleteness && (
          <Col xs={24} xl={6}>
            <div style={{ position: 'sticky', top: 12 }}>
              <CompletenessPanel issues={issues} onJump={scrollToTarget} />
            </div>
          </Col>
        )}
      </Row>
      {autosave.conflict && (
        <ConflictDialog
          template={template}
          mine={autosave.draft.current}
          theirs={autosave.conflict}
          onResolve={(choice) => {
            if (choice === 'theirs' && autosave.conflict) {
              setCurrent({ metadata: autosave.conflict.metadata, sections: autosave.conflict.sections });
              form.setFieldsValue(autosave.conflict.metadata);
            }
            void autosave.resolveConflict(choice);
            if (choice === 'theirs') navigate(0);
          }}
        />
      )}
    </div>
  );
}

function SectionCard({
  section,
  index,
  content,
  editable,
  onChange,
}: {
  section: SectionDef;
  index: number;
  content: SectionContent | undefined;
  editable: boolean;
  onChange: (sectionId: string, content: SectionContent) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  let body: React.ReactNode = null;
  if (section.kind === 'richtext') {
    const doc = content?.type === 'richtext' ? content.doc : { type: 'doc', content: [{ type: 'paragraph' }] };
    body = (
      <RichTextSection
        sectionId={section.id}
        doc={doc}
        editable={editable}
        label={section.title}
        onChange={(next) => onChange(section.id, { type: 'richtext', doc: next })}
      />
    );
  } else if (section.kind === 'table' && section.table) {
    body = (
      <DataTableGrid
        table={section.table}
        rows={content?.type === 'table' ? content.rows : []}
        readOnly={!editable}
        sectionId={section.id}
        title={section.title}
        onChange={(rows) => onChange(section.id, { type: 'table', rows })}
      />
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
      data-section-index={index}
    >
      <Row gutter={16}>
        <Col xs={24} lg={section.guidance ? 17 : 24}>{body}</Col>
        {section.guidance && (
          <Col xs={24} lg={7}>
            <div className="rd-guidance" aria-label={t('templates.guidance')}>
              <Typography.Text strong>{t('templates.guidance')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {section.guidance}
              </Typography.Paragraph>
            </div>
          </Col>
        )}
      </Row>
    </Card>
  );
}
