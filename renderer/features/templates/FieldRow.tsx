import { Checkbox, Input, Select, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType } from '../../../electron/core/common/schemas/template';
import { WithIssues } from './editor-issues';
import { RowActions } from './list-rows';
import { limits, type DraftField } from './template-draft';

const fieldTypes: FieldType[] = ['text', 'date', 'month', 'number', 'select'];
const sources: NonNullable<FieldDef['source']>[] = ['profile-name', 'profile-unit', 'today', 'this-month'];

/** The grid shared by the field list's header and its rows. */
export const fieldGrid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(90px, 1fr) minmax(90px, 1fr) 110px 56px minmax(120px, 1.4fr) 150px 92px',
  gap: 8,
  alignItems: 'start',
};

/** One field of a field list: key, label, type, required, options of a choice, source; reorder and remove. */
export function FieldRow({
  field,
  index,
  count,
  path,
  testId,
  canRemove,
  onUpdate,
  onMove,
  onRemove,
}: {
  field: DraftField;
  index: number;
  count: number;
  /** Issue path of the field: `metadataFields.2`. */
  path: string;
  testId: string;
  canRemove: boolean;
  onUpdate: (patch: Partial<DraftField>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ ...fieldGrid, marginBottom: 8 }} data-testid={testId}>
      <WithIssues path={`${path}.key`}>
        {(status) => (
          <Input
            size="small"
            value={field.key}
            status={status}
            maxLength={limits.key}
            aria-label={t('templateEditor.fieldKey')}
            onChange={(event) => onUpdate({ key: event.target.value })}
          />
        )}
      </WithIssues>
      <WithIssues path={`${path}.label`}>
        {(status) => (
          <Input
            size="small"
            value={field.label}
            status={status}
            maxLength={limits.label}
            aria-label={t('templateEditor.fieldLabel')}
            onChange={(event) => onUpdate({ label: event.target.value })}
          />
        )}
      </WithIssues>
      <Select
        size="small"
        value={field.type}
        aria-label={t('templateEditor.fieldType')}
        options={fieldTypes.map((type) => ({ value: type, label: t(`templateEditor.fieldTypes.${type}`) }))}
        onChange={(type) => onUpdate({ type })}
      />
      <Checkbox
        checked={field.required}
        aria-label={t('templateEditor.required')}
        onChange={(event) => onUpdate({ required: event.target.checked })}
        style={{ paddingTop: 2 }}
      />
      <FieldOptions field={field} path={`${path}.options`} onUpdate={onUpdate} />
      <Select
        size="small"
        allowClear
        value={field.source}
        placeholder={t('templateEditor.sources.none')}
        aria-label={t('templateEditor.fieldSource')}
        options={sources.map((source) => ({ value: source, label: t(`templateEditor.sources.${source}`) }))}
        onChange={(source) => onUpdate({ source: source ?? undefined })}
      />
      <RowActions index={index} count={count} removeLabel={t('templateEditor.removeField')} canRemove={canRemove} onMove={onMove} onRemove={onRemove} />
    </div>
  );
}

/** The options of a choice field (tags); a dash for the other types. */
function FieldOptions({ field, path, onUpdate }: { field: DraftField; path: string; onUpdate: (patch: Partial<DraftField>) => void }) {
  const { t } = useTranslation();
  return (
    <WithIssues path={path}>
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
            onChange={(options: string[]) => onUpdate({ options })}
            style={{ width: '100%' }}
          />
        ) : (
          <Typography.Text type="secondary" title={t('templateEditor.optionsOnlyForSelect')} style={{ lineHeight: '24px' }}>
            —
          </Typography.Text>
        )
      }
    </WithIssues>
  );
}
