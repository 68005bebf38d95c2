import { Descriptions, Divider, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/templates/schema';

/** A read-only view of a template's structure: details fields, sections with guidance, table columns. */
export function TemplatePreview({ template }: { template: Template }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {template.name} <Tag>{t('common.version', { version: template.version })}</Tag>
        {template.builtIn && <Tag color="blue">{t('templates.builtIn')}</Tag>}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{template.description}</Typography.Paragraph>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('templates.cadence')}>{t(`cadences.${template.cadence}`)}</Descriptions.Item>
        <Descriptions.Item label={t('templates.metadataFields')}>
          {template.metadataFields.map((field) => (
            <Tag key={field.key}>{field.label}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Divider />
      <List
        dataSource={template.sections}
        renderItem={(section) => (
          <List.Item key={section.id} style={{ display: 'block' }}>
            <Typography.Text strong>{section.title}</Typography.Text>{' '}
            {section.required && <Tag color="red">{t('templates.requiredSection')}</Tag>}
            {section.minLength ? <Tag>{t('templates.minLength', { count: section.minLength })}</Tag> : null}
            {section.guidance && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {section.guidance}
              </Typography.Paragraph>
            )}
            {section.table && (
              <Table
                size="small"
                style={{ marginTop: 8 }}
                pagination={false}
                rowKey="key"
                dataSource={section.table.columns}
                columns={[
                  { title: t('templates.columns'), dataIndex: 'label', key: 'label' },
                  { title: 'key', dataIndex: 'key', key: 'key' },
                  { title: '', dataIndex: 'type', key: 'type', width: 90 },
                  { title: '', dataIndex: 'unit', key: 'unit', width: 60 },
                  { title: t('templates.formula'), dataIndex: 'formula', key: 'formula', render: (formula?: string) => formula && <code>{formula}</code> },
                ]}
              />
            )}
          </List.Item>
        )}
      />
    </div>
  );
}
