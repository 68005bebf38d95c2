import { Col, Input, InputNumber, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionKind } from '../../../electron/core/common/schemas/template';
import { TableInsightEditor } from '../insight/TableInsightEditor';
import { ColumnEditor } from './ColumnEditor';
import { braces, WithIssues } from './editor-issues';
import { FieldListEditor } from './FieldListEditor';
import { limits, setSectionKind, type DraftSection } from './template-draft';

const sectionKinds: SectionKind[] = ['richtext', 'table', 'fields'];

function Labelled({ label, children, htmlFor }: { label: string; children: ReactNode; htmlFor?: string }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={htmlFor} style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>
        {label}
      </label>
      {children}
    </div>
  );
}

interface SettingsProps {
  section: DraftSection;
  /** Issue path of the section: `sections.3`. */
  path: string;
  testId: string;
  onChange: (section: DraftSection) => void;
}

/** Everything an expanded section defines: title, kind, flags, guidance, and what its kind needs. */
export function SectionSettings({
  section,
  path,
  testId,
  carryForwardTitle,
  metadataKeys,
  onChange,
}: SettingsProps & { carryForwardTitle?: string; metadataKeys: string[] }) {
  const { t } = useTranslation();
  const update = (patch: Partial<DraftSection>) => onChange({ ...section, ...patch });
  const id = `template-${section.id}-guidance`;
  return (
    <div>
      <SectionMainRow section={section} path={path} testId={testId} onChange={onChange} />
      <Labelled label={t('templateEditor.guidance')} htmlFor={id}>
        <WithIssues path={`${path}.guidance`}>
          {(status) => (
            <Input.TextArea
              id={id}
              value={section.guidance}
              status={status}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={limits.guidance}
              showCount
              placeholder={t('templateEditor.guidancePlaceholder')}
              onChange={(event) => update({ guidance: event.target.value })}
              data-testid={`${testId}-guidance`}
            />
          )}
        </WithIssues>
      </Labelled>
      {section.carryForwardFrom && (
        <div style={{ margin: '20px 0 12px' }}>
          <WithIssues path={`${path}.carryForwardFrom`}>
            {() => (
              <Typography.Text type="secondary">
                <Tag color="cyan">{t('templateEditor.carryForwardTag')}</Tag>
                {t('templateEditor.carryForwardText', { title: carryForwardTitle ?? section.carryForwardFrom })}
              </Typography.Text>
            )}
          </WithIssues>
        </div>
      )}
      {section.kind === 'richtext' && <RichTextSettings section={section} path={path} testId={testId} onChange={onChange} />}
      {section.kind === 'table' && section.table && (
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('templates.columns')}
          </Typography.Text>
          <ColumnEditor table={section.table} onChange={(table) => update({ table })} path={`${path}.table`} testId={`${testId}-table`} />
          <TableInsightEditor table={section.table} metadataKeys={metadataKeys} onChange={(table) => update({ table })} testId={`${testId}-insight`} />
        </div>
      )}
      {section.kind === 'fields' && (
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('templateEditor.sectionFields')}
          </Typography.Text>
          <FieldListEditor
            fields={section.fields ?? []}
            onChange={(fields) => update({ fields })}
            path={`${path}.fields`}
            testId={`${testId}-fields`}
            allowEmpty={false}
          />
        </div>
      )}
    </div>
  );
}

/** The section's title, its kind (a change keeps the other kinds' parts) and its flags. */
function SectionMainRow({ section, path, testId, onChange }: SettingsProps) {
  const { t } = useTranslation();
  const id = (part: string) => `template-${section.id}-${part}`;
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Labelled label={t('templateEditor.sectionTitle')} htmlFor={id('title')}>
          <WithIssues path={`${path}.title`}>
            {(status) => (
              <Input
                id={id('title')}
                value={section.title}
                status={status}
                maxLength={limits.title}
                onChange={(event) => onChange({ ...section, title: event.target.value })}
                data-testid={`${testId}-title`}
              />
            )}
          </WithIssues>
        </Labelled>
      </Col>
      <Col xs={12} md={6}>
        <Labelled label={t('templateEditor.sectionKind')} htmlFor={id('kind')}>
          <Select
            id={id('kind')}
            value={section.kind}
            style={{ width: '100%' }}
            options={sectionKinds.map((kind) => ({ value: kind, label: t(`templateEditor.sectionKinds.${kind}`) }))}
            onChange={(kind) =>
              onChange(
                setSectionKind(section, kind, {
                  columnPrefix: t('templateEditor.newColumnPrefix'),
                  fieldPrefix: t('templateEditor.newFieldPrefix'),
                }),
              )
            }
            data-testid={`${testId}-kind`}
          />
        </Labelled>
      </Col>
      <Col xs={12} md={6}>
        <Labelled label={t('templateEditor.flags')}>
          <SectionFlags section={section} onChange={onChange} />
        </Labelled>
      </Col>
    </Row>
  );
}

/** Required, and (rich text) whether the section is an analysis. */
function SectionFlags({ section, onChange }: Pick<SettingsProps, 'section' | 'onChange'>) {
  const { t } = useTranslation();
  return (
    <Space size="middle" style={{ height: 32 }}>
      <Space size={4}>
        <Switch size="small" checked={!!section.required} onChange={(required) => onChange({ ...section, required })} aria-label={t('templateEditor.required')} />
        <Typography.Text>{t('templateEditor.required')}</Typography.Text>
      </Space>
      {section.kind === 'richtext' && (
        <Tooltip title={t('templateEditor.analysisHint')}>
          <Space size={4}>
            <Switch size="small" checked={!!section.analysis} onChange={(analysis) => onChange({ ...section, analysis })} aria-label={t('templateEditor.analysis')} />
            <Typography.Text>{t('templateEditor.analysis')}</Typography.Text>
          </Space>
        </Tooltip>
      )}
    </Space>
  );
}

/** A rich-text section's minimum length and starter text. */
function RichTextSettings({ section, path, onChange }: SettingsProps) {
  const { t } = useTranslation();
  const id = (part: string) => `template-${section.id}-${part}`;
  return (
    <Row gutter={12}>
      <Col xs={24} md={6}>
        <Labelled label={t('templateEditor.minLength')} htmlFor={id('min-length')}>
          <WithIssues path={`${path}.minLength`}>
            {(status) => (
              <InputNumber
                id={id('min-length')}
                min={0}
                max={limits.minLength}
                precision={0}
                status={status}
                value={section.minLength ?? null}
                placeholder={t('templateEditor.minLengthNone')}
                onChange={(minLength) => onChange({ ...section, minLength: minLength ?? undefined })}
                style={{ width: '100%' }}
                suffix={t('templateEditor.characters')}
              />
            )}
          </WithIssues>
        </Labelled>
      </Col>
      <Col xs={24} md={18}>
        <Labelled label={t('templateEditor.starterText', braces)} htmlFor={id('starter')}>
          <WithIssues path={`${path}.starterText`}>
            {(status) => (
              <Input.TextArea
                id={id('starter')}
                value={section.starterText ?? ''}
                status={status}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={limits.starterText}
                placeholder={t('templateEditor.starterTextPlaceholder', braces)}
                onChange={(event) => onChange({ ...section, starterText: event.target.value })}
              />
            )}
          </WithIssues>
        </Labelled>
      </Col>
    </Row>
  );
}
