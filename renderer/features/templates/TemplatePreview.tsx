import { Descriptions, Divider, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, Template } from '../../../electron/core/common/schemas/template';

/** A read-only view of a template version: details, details fields, sections with guidance, table columns and formulas. */
export function TemplatePreview({ template }: { template: Template }) {
  const { t } = useTranslation();
  return (
    <div data-testid="template-preview">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {template.name} <Tag data-testid="preview-version">{t('common.version', { version: template.version })}</Tag>
        {template.builtIn ? <Tag color="blue">{t('templates.builtIn')}</Tag> : <Tag color="green">{t('templates.custom')}</Tag>}
      </Typography.Title>
      {template.description && <Typography.Paragraph type="secondary">{template.description}</Typography.Paragraph>}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('templateEditor.kind')}>{t(`kinds.${template.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('templates.cadence')}>{t(`cadences.${template.cadence}`)}</Descriptions.Item>
        <Descriptions.Item label={t('templateEditor.titlePattern')} span={2}>
          {template.titlePattern ? <Typography.Text code>{template.titlePattern}</Typography.Text> : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('templates.metadataFields')} span={2}>
          {template.metadataFields.length
            ? template.metadataFields.map((field) => (
                <Tag key={field.key} color={field.required ? 'red' : undefined}>
                  {field.label}
                  {field.key !== field.label ? ` (${field.key})` : ''}
                </Tag>
              ))
            : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('templateEditor.savedAt')} span={2}>
          {new Date(template.createdAt).toLocaleString()}
        </Descriptions.Item>
      </Descriptions>
      <Divider style={{ margin: '16px 0 4px' }} />
      <div>
        {template.sections.map((section) => (
          <div key={section.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="preview-section">
            <Typography.Text strong>{section.title}</Typography.Text> <Tag>{t(`templateEditor.sectionKinds.${section.kind}`)}</Tag>
            {section.required && <Tag color="red">{t('templates.requiredSection')}</Tag>}
            {section.analysis && <Tag color="purple">{t('templateEditor.analysisTag')}</Tag>}
            {section.minLength ? <Tag>{t('templates.minLength', { count: section.minLength })}</Tag> : null}
            {section.guidance && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {section.guidance}
              </Typography.Paragraph>
            )}
            {section.table && (
              <Table<ColumnDef>
                size="small"
                style={{ marginTop: 8 }}
                pagination={false}
                rowKey="key"
                dataSource={section.table.columns}
                columns={[
                  { title: t('templateEditor.columnLabel'), dataIndex: 'label', key: 'label' },
                  { title: t('templateEditor.columnKey'), dataIndex: 'key', key: 'key' },
                  {
                    title: t('templateEditor.columnType'),
                    dataIndex: 'type',
                    key: 'type',
                    width: 90,
                    render: (type: ColumnDef['type']) => t(`templateEditor.columnTypes.${type}`),
                  },
                  { title: t('templateEditor.columnUnit'), dataIndex: 'unit', key: 'unit', width: 60 },
                  {
                    title: t('templates.formula'),
                    dataIndex: 'formula',
                    key: 'formula',
                    render: (formula?: string) => formula && <Typography.Text code>{formula}</Typography.Text>,
                  },
                ]}
              />
            )}
            {section.fields && section.kind === 'fields' && (
              <div style={{ marginTop: 6 }}>
                {section.fields.map((field) => (
                  <Tag key={field.key} color={field.required ? 'red' : undefined}>
                    {field.label} · {t(`templateEditor.fieldTypes.${field.type}`)}
                  </Tag>
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
