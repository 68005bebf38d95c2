import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionKind } from '../../../electron/core/common/schemas/template';
import { ColumnEditor } from './ColumnEditor';
import { braces, statusOf, useEditorIssues, WithIssues } from './editor-issues';
import { FieldListEditor } from './FieldListEditor';
import { limits, setSectionKind, type DraftSection } from './template-draft';
import { TableInsightEditor } from '../insight/TableInsightEditor';

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

/** One section of the template: header with reorder and collapse, and, expanded, everything it defines. */
export function SectionEditor({
  section,
  index,
  count,
  carryForwardTitle,
  metadataKeys,
  expanded,
  onToggle,
  onChange,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  /** Title of the section this one is pre-filled from (previous document), when it still exists. */
  carryForwardTitle?: string;
  /** The template's details keys, which wording rules may quote ({{片区}} …). */
  metadataKeys?: string[];
  expanded: boolean;
  onToggle: () => void;
  onChange: (section: DraftSection) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const issues = useEditorIssues();
  const path = `sections.${index}`;
  const testId = `section-${index}`;
  const id = (part: string) => `template-${section.id}-${part}`;
  const update = (patch: Partial<DraftSection>) => onChange({ ...section, ...patch });
  const hasErrors = statusOf(issues.at(`${path}.title`)) === 'error';

  return (
    <Card
      size="small"
      id={`template-section-${section.id}`}
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={
        <div
          onClick={onToggle}
          role="button"
          tabIndex={0}
          aria-expanded={expanded}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onToggle();
            }
          }}
          style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, cursor: 'pointer' }}
          data-testid={`${testId}-toggle`}
        >
          {expanded ? <DownOutlined /> : <RightOutlined />}
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
          <Typography.Text strong ellipsis style={{ maxWidth: 420 }} type={hasErrors ? 'danger' : undefined}>
            {section.title.trim() || t('templateEditor.untitledSection')}
          </Typography.Text>
          <Tag>{t(`templateEditor.sectionKinds.${section.kind}`)}</Tag>
          {section.required && <Tag color="red">{t('templates.requiredSection')}</Tag>}
          {section.analysis && <Tag color="purple">{t('templateEditor.analysisTag')}</Tag>}
          {section.carryForwardFrom && <Tag color="cyan">{t('templateEditor.carryForwardTag')}</Tag>}
          {section.kind === 'table' && section.table && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('templateEditor.columnCount', { count: section.table.columns.length })}
            </Typography.Text>
          )}
        </div>
      }
      extra={
        <Space size={2}>
          <Tooltip title={t('templateEditor.moveUp')}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('templateEditor.moveUp')} disabled={index === 0} onClick={() => onMove(-1)} />
          </Tooltip>
          <Tooltip title={t('templateEditor.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('templateEditor.moveDown')}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            />
          </Tooltip>
          <Popconfirm
            title={t('templateEditor.removeSectionConfirm', { title: section.title.trim() || t('templateEditor.untitledSection') })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={onRemove}
            disabled={count <= 1}
          >
            <Tooltip title={count <= 1 ? t('templateEditor.lastSection') : t('templateEditor.removeSection')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('templateEditor.removeSection')} disabled={count <= 1} />
            </Tooltip>
          </Popconfirm>
        </Space>
      }
    >
      {expanded && (
        <div>
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
                      onChange={(event) => update({ title: event.target.value })}
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
                <Space size="middle" style={{ height: 32 }}>
                  <Space size={4}>
                    <Switch
                      size="small"
                      checked={!!section.required}
                      onChange={(required) => update({ required })}
                      aria-label={t('templateEditor.required')}
                    />
                    <Typography.Text>{t('templateEditor.required')}</Typography.Text>
                  </Space>
                  {section.kind === 'richtext' && (
                    <Tooltip title={t('templateEditor.analysisHint')}>
                      <Space size={4}>
                        <Switch
                          size="small"
                          checked={!!section.analysis}
                          onChange={(analysis) => update({ analysis })}
                          aria-label={t('templateEditor.analysis')}
                        />
                        <Typography.Text>{t('templateEditor.analysis')}</Typography.Text>
                      </Space>
                    </Tooltip>
                  )}
                </Space>
              </Labelled>
            </Col>
          </Row>
          <Labelled label={t('templateEditor.guidance')} htmlFor={id('guidance')}>
            <WithIssues path={`${path}.guidance`}>
              {(status) => (
                <Input.TextArea
                  id={id('guidance')}
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
          {section.kind === 'richtext' && (
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
                        onChange={(minLength) => update({ minLength: minLength ?? undefined })}
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
                        onChange={(event) => update({ starterText: event.target.value })}
                      />
                    )}
                  </WithIssues>
                </Labelled>
              </Col>
            </Row>
          )}
          {section.kind === 'table' && section.table && (
            <div>
              <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                {t('templates.columns')}
              </Typography.Text>
              <ColumnEditor table={section.table} onChange={(table) => update({ table })} path={`${path}.table`} testId={`${testId}-table`} />
              <TableInsightEditor table={section.table} metadataKeys={metadataKeys ?? []} onChange={(table) => update({ table })} testId={`${testId}-insight`} />
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
      )}
    </Card>
  );
}
