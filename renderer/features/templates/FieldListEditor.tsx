import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType } from '../../../electron/core/common/schemas/template';
import { WithIssues } from './editor-issues';
import { limits, moveItem, newField, removeItem, replaceItem, type DraftField } from './template-draft';

const fieldTypes: FieldType[] = ['text', 'date', 'month', 'number', 'select'];
const sources: NonNullable<FieldDef['source']>[] = ['profile-name', 'profile-unit', 'today', 'this-month'];

const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(90px, 1fr) minmax(90px, 1fr) 110px 56px minmax(120px, 1.4fr) 150px 92px',
  gap: 8,
  alignItems: 'start',
};

/**
 * A list of fields (a template's details fields, or a fields section): key, label, type, required,
 * options of a choice, where a new document takes the value from; add, remove and reorder.
 */
export function FieldListEditor({
  fields,
  onChange,
  path,
  testId,
  allowEmpty = true,
}: {
  fields: DraftField[];
  onChange: (fields: DraftField[]) => void;
  /** Issue path prefix: `metadataFields` or `sections.3.fields`. */
  path: string;
  testId: string;
  /** A fields section needs at least one field. */
  allowEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<DraftField>) => onChange(replaceItem(fields, index, { ...fields[index], ...patch }));

  return (
    <div data-testid={testId}>
      {fields.length > 0 && (
        <div style={{ ...grid, marginBottom: 4 }}>
          {[
            t('templateEditor.fieldKey'),
            t('templateEditor.fieldLabel'),
            t('templateEditor.fieldType'),
            t('templateEditor.required'),
            t('templateEditor.options'),
            t('templateEditor.fieldSource'),
            '',
          ].map((title, index) => (
            <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
              {title}
            </Typography.Text>
          ))}
        </div>
      )}
      {fields.map((field, index) => (
        <div key={field.uid} style={{ ...grid, marginBottom: 8 }} data-testid={`${testId}-row-${index}`}>
          <WithIssues path={`${path}.${index}.key`}>
            {(status) => (
              <Input
                size="small"
                value={field.key}
                status={status}
                maxLength={limits.key}
                aria-label={t('templateEditor.fieldKey')}
                onChange={(event) => update(index, { key: event.target.value })}
              />
            )}
          </WithIssues>
          <WithIssues path={`${path}.${index}.label`}>
            {(status) => (
              <Input
                size="small"
                value={field.label}
                status={status}
                maxLength={limits.label}
                aria-label={t('templateEditor.fieldLabel')}
                onChange={(event) => update(index, { label: event.target.value })}
              />
            )}
          </WithIssues>
          <Select
            size="small"
            value={field.type}
            aria-label={t('templateEditor.fieldType')}
            options={fieldTypes.map((type) => ({ value: type, label: t(`templateEditor.fieldTypes.${type}`) }))}
            onChange={(type) => update(index, { type })}
          />
          <Checkbox
            checked={field.required}
            aria-label={t('templateEditor.required')}
            onChange={(event) => update(index, { required: event.target.checked })}
            style={{ paddingTop: 2 }}
          />
          <WithIssues path={`${path}.${index}.options`}>
            {(status) =>
              field.type === 'select' ? (
                <Select
                  size="small"
                  mode="tags"
                  value={field.options ?? []}
                  status={status}
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、']}
                  placeholder={t('templateEditor.optionsPlaceholder')}
                  aria-label={t('templateEditor.options')}
                  onChange={(options: string[]) => update(index, { options })}
                  style={{ width: '100%' }}
                />
              ) : (
                <Typography.Text type="secondary" title={t('templateEditor.optionsOnlyForSelect')} style={{ lineHeight: '24px' }}>
                  —
                </Typography.Text>
              )
            }
          </WithIssues>
          <Select
            size="small"
            allowClear
            value={field.source}
            placeholder={t('templateEditor.sources.none')}
            aria-label={t('templateEditor.fieldSource')}
            options={sources.map((source) => ({ value: source, label: t(`templateEditor.sources.${source}`) }))}
            onChange={(source) => update(index, { source: source ?? undefined })}
          />
          <Space size={2}>
            <Tooltip title={t('templateEditor.moveUp')}>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t('templateEditor.moveUp')}
                disabled={index === 0}
                onClick={() => onChange(moveItem(fields, index, -1))}
              />
            </Tooltip>
            <Tooltip title={t('templateEditor.moveDown')}>
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('templateEditor.moveDown')}
                disabled={index === fields.length - 1}
                onClick={() => onChange(moveItem(fields, index, 1))}
              />
            </Tooltip>
            <Tooltip title={t('templateEditor.removeField')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('templateEditor.removeField')}
                disabled={!allowEmpty && fields.length <= 1}
                onClick={() => onChange(removeItem(fields, index))}
              />
            </Tooltip>
          </Space>
        </div>
      ))}
      <WithIssues path={path}>
        {() => (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= limits.fields}
            onClick={() => onChange([...fields, newField(t('templateEditor.newFieldPrefix'), fields)])}
            data-testid={`${testId}-add`}
          >
            {t('templateEditor.addField')}
          </Button>
        )}
      </WithIssues>
    </div>
  );
}
