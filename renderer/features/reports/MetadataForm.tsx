import { DatePicker, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../electron/core/common/schemas/template';

/** One input per metadata field of a template; values are kept as strings, as the document stores them. */
export function MetadataFields({
  fields,
  disabled,
  enforceRequired = true,
}: {
  fields: FieldDef[];
  disabled?: boolean;
  /** False where required fields may still be filled in later (the completeness check holds submission). */
  enforceRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={field.key}
          label={field.label}
          required={field.required}
          rules={field.required && enforceRequired ? [{ required: true, whitespace: true, message: t('reports.required', { label: field.label }) }] : []}
          getValueProps={(value: string | undefined) =>
            field.type === 'date' || field.type === 'month' ? { value: value ? dayjs(value) : undefined } : { value }
          }
          normalize={(value: unknown) => {
            if (field.type === 'date') return value ? dayjs(value as dayjs.Dayjs).format('YYYY-MM-DD') : '';
            if (field.type === 'month') return value ? dayjs(value as dayjs.Dayjs).format('YYYY-MM') : '';
            if (field.type === 'number') return value === null || value === undefined ? '' : String(value);
            return value as string;
          }}
        >
          {field.type === 'date' ? (
            <DatePicker style={{ width: '100%' }} disabled={disabled} aria-label={field.label} />
          ) : field.type === 'month' ? (
            <DatePicker picker="month" style={{ width: '100%' }} disabled={disabled} aria-label={field.label} />
          ) : field.type === 'number' ? (
            <InputNumber style={{ width: '100%' }} disabled={disabled} aria-label={field.label} />
          ) : field.type === 'select' ? (
            <Select
              allowClear
              showSearch
              disabled={disabled}
              aria-label={field.label}
              options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
            />
          ) : (
            <Input disabled={disabled} maxLength={200} aria-label={field.label} />
          )}
        </Form.Item>
      ))}
    </>
  );
}

/** Defaults for a new document's metadata, the same rules the core applies. */
export function defaultMetadata(fields: FieldDef[], profile: { name: string; unit: string }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (field.source === 'profile-name') values[field.key] = profile.name;
    if (field.source === 'profile-unit') values[field.key] = profile.unit;
    if (field.source === 'today') values[field.key] = dayjs().format('YYYY-MM-DD');
    if (field.source === 'this-month') values[field.key] = dayjs().format('YYYY-MM');
  }
  return values;
}

export type MetadataFormInstance = FormInstance<Record<string, string>>;
