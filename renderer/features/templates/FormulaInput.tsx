import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A computed column's formula with live feedback: the problems the formula engine finds (syntax,
 * unknown column, cycle…) are shown under the input as the user types, in the engine's Chinese.
 */
export function FormulaInput({
  value,
  onChange,
  problems,
  disabled,
  testId,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  /** Messages for this formula (empty when fine). */
  problems: string[];
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const hasProblems = problems.length > 0;
  return (
    <div>
      <Input
        size="small"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        placeholder={t('templateEditor.formulaPlaceholder')}
        aria-label={t('templateEditor.columnFormula')}
        status={hasProblems ? 'error' : undefined}
        disabled={disabled}
        allowClear
        prefix={<Typography.Text type="secondary">=</Typography.Text>}
        spellCheck={false}
        data-testid={testId}
        aria-invalid={hasProblems || undefined}
      />
      {hasProblems && (
        <div role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {problems.map((message) => (
            <Typography.Text key={message} type="danger" style={{ display: 'block', fontSize: 12, lineHeight: '18px' }}>
              {message}
            </Typography.Text>
          ))}
        </div>
      )}
    </div>
  );
}
