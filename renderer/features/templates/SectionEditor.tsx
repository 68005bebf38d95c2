import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusOf, useEditorIssues } from './editor-issues';
import { SectionSettings } from './SectionSettings';
import type { DraftSection } from './template-draft';

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
  const testId = `section-${index}`;
  return (
    <Card
      size="small"
      id={`template-section-${section.id}`}
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={<SectionHeader section={section} index={index} expanded={expanded} onToggle={onToggle} testId={testId} />}
      extra={<SectionActions section={section} index={index} count={count} onMove={onMove} onRemove={onRemove} />}
    >
      {expanded && (
        <SectionSettings
          section={section}
          path={`sections.${index}`}
          testId={testId}
          carryForwardTitle={carryForwardTitle}
          metadataKeys={metadataKeys ?? []}
          onChange={onChange}
        />
      )}
    </Card>
  );
}

/** The section's title line, a button that expands or collapses it: number, title and what it is. */
function SectionHeader({
  section,
  index,
  expanded,
  onToggle,
  testId,
}: {
  section: DraftSection;
  index: number;
  expanded: boolean;
  onToggle: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const issues = useEditorIssues();
  const hasErrors = statusOf(issues.at(`sections.${index}.title`)) === 'error';
  return (
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
  );
}

/** Move the section up or down, or remove it (after a confirmation; the last section stays). */
function SectionActions({
  section,
  index,
  count,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
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
  );
}
