import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { WithIssues } from './editor-issues';
import { fieldGrid, FieldRow } from './FieldRow';
import { GridHeader } from './list-rows';
import { limits, moveItem, newField, removeItem, replaceItem, type DraftField } from './template-draft';

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
        <GridHeader
          grid={fieldGrid}
          titles={[
            t('templateEditor.fieldKey'),
            t('templateEditor.fieldLabel'),
            t('templateEditor.fieldType'),
            t('templateEditor.required'),
            t('templateEditor.options'),
            t('templateEditor.fieldSource'),
            '',
          ]}
        />
      )}
      {fields.map((field, index) => (
        <FieldRow
          key={field.uid}
          field={field}
          index={index}
          count={fields.length}
          path={`${path}.${index}`}
          testId={`${testId}-row-${index}`}
          canRemove={allowEmpty || fields.length > 1}
          onUpdate={(patch) => update(index, patch)}
          onMove={(delta) => onChange(moveItem(fields, index, delta))}
          onRemove={() => onChange(removeItem(fields, index))}
        />
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
