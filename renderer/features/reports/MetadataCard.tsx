import { Card, Form, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { Template } from '../../../electron/core/common/schemas/template';
import { formatPeriod } from './labels';
import { MetadataFields, type MetadataFormInstance } from './MetadataForm';

/**
 * The document's 基本信息 at the head of the text, and its period. Memoised: typing in a text section re-renders
 * the editor page several times a second, and these fields (date pickers, selects) change only with the metadata.
 */
export const MetadataCard = memo(function MetadataCard({
  form,
  template,
  shown,
  metadata,
  editable,
  onValuesChange,
}: {
  form: MetadataFormInstance;
  template: Template;
  shown: Report;
  /** The metadata as the page holds it now. */
  metadata: Record<string, string>;
  editable: boolean;
  onValuesChange: (all: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  // The same element on every render: the fields re-render only when the template or editability changes.
  const metadataFields = useMemo(() => <MetadataFields fields={template.metadataFields} disabled={!editable} />, [template.metadataFields, editable]);
  return (
    <Card size="small" id="section-metadata" title={t('reports.metadata')} style={{ marginBottom: 12 }}>
      <Form form={form} layout="inline" initialValues={shown.metadata} disabled={!editable} onValuesChange={(_, all) => onValuesChange(all)} className="rd-metadata-form">
        {metadataFields}
      </Form>
      {shown.period && (
        <Typography.Text type="secondary">
          {t('reports.columnPeriod')}：{formatPeriod(metadata['报告期'] ?? shown.period)}
        </Typography.Text>
      )}
    </Card>
  );
});
