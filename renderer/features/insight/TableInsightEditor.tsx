import { Alert, Col, Input, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSentenceRules, formatSentenceRules, parseSentenceRules } from '../../../electron/api/domain';
import type { TableChart, TableDef } from '../../../electron/core/common/schemas/template';
import { braces } from '../templates/editor-issues';

type EditableTable = Omit<TableDef, 'columns'> & { columns: TableDef['columns'] };

/**
 * The template editor's part for a table's insight: the wording rules of 生成描述 (one per line, checked
 * against the table's columns as they are typed) and the chart drawn under the table.
 */
export function TableInsightEditor<T extends EditableTable>({
  table,
  metadataKeys,
  onChange,
  testId,
}: {
  table: T;
  metadataKeys: string[];
  onChange: (table: T) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatSentenceRules(table.sentenceRules ?? []));
  const parsed = useMemo(() => parseSentenceRules(text), [text]);
  const problems = useMemo(
    () => [
      ...parsed.problems.map((problem) => t('insight.rulesProblem', { line: problem.line, message: problem.message })),
      ...checkSentenceRules(table as TableDef, parsed.rules, metadataKeys).map((problem) => t('insight.rulesProblem', { line: problem.rule + 1, message: problem.message })),
    ],
    [parsed, table, metadataKeys, t],
  );
  const numeric = table.columns.filter((column) => column.type !== 'text' && column.type !== 'date');
  const texts = table.columns.filter((column) => column.type === 'text');
  const chart = table.chart;
  const setChart = (next: TableChart | undefined) => {
    const { chart: _previous, ...rest } = table;
    onChange((next ? { ...rest, chart: next } : rest) as T);
  };

  return (
    <div style={{ marginTop: 16 }} data-testid={testId}>
      <label htmlFor={`${testId}-rules`} style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>
        {t('insight.rulesLabel')}
      </label>
      <Input.TextArea
        id={`${testId}-rules`}
        value={text}
        autoSize={{ minRows: 2, maxRows: 10 }}
        placeholder="表：{{报告期月}}销售卷烟{{销量.本期:0}}箱，同比{{销量.同比:增长/下降}}{{销量.同比:abs}}"
        onChange={(event) => {
          setText(event.target.value);
          const next = parseSentenceRules(event.target.value);
          const { sentenceRules: _previous, ...rest } = table;
          onChange((next.rules.length ? { ...rest, sentenceRules: next.rules } : rest) as T);
        }}
        data-testid={`${testId}-rules`}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        {t('insight.rulesHint', braces)}
      </Typography.Paragraph>
      {problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={problems.join('；')} />}
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <label style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>{t('insight.chartLabel')}</label>
          <Select
            style={{ width: '100%' }}
            value={chart?.type ?? 'none'}
            aria-label={t('insight.chartLabel')}
            options={[
              { value: 'none', label: t('insight.chartNone') },
              ...(['bar', 'line', 'pie'] as const).map((type) => ({ value: type, label: t(`insight.chartTypes.${type}`) })),
            ]}
            onChange={(type) =>
              setChart(
                type === 'none'
                  ? undefined
                  : {
                      type: type as TableChart['type'],
                      category: chart?.category ?? texts[0]?.key ?? table.columns[0].key,
                      series: chart?.series.length ? chart.series : numeric.slice(0, 1).map((column) => column.key),
                      ...(chart?.title ? { title: chart.title } : {}),
                    },
              )
            }
          />
        </Col>
        {chart && (
          <>
            <Col xs={24} md={5}>
              <label style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>{t('insight.chartCategory')}</label>
              <Select
                style={{ width: '100%' }}
                value={chart.category}
                aria-label={t('insight.chartCategory')}
                options={table.columns.map((column) => ({ value: column.key, label: column.label }))}
                onChange={(category) => setChart({ ...chart, category })}
              />
            </Col>
            <Col xs={24} md={7}>
              <label style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>{t('insight.chartSeries')}</label>
              <Select
                mode="multiple"
                style={{ width: '100%' }}
                value={chart.series}
                aria-label={t('insight.chartSeries')}
                maxCount={chart.type === 'pie' ? 1 : 8}
                options={numeric.map((column) => ({ value: column.key, label: column.label }))}
                onChange={(series) => series.length && setChart({ ...chart, series })}
              />
            </Col>
            <Col xs={24} md={6}>
              <label style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>{t('insight.chartTitle')}</label>
              <Input
                value={chart.title ?? ''}
                maxLength={80}
                aria-label={t('insight.chartTitle')}
                onChange={(event) => {
                  const { title: _title, ...rest } = chart;
                  setChart(event.target.value.trim() ? { ...rest, title: event.target.value } : rest);
                }}
              />
            </Col>
          </>
        )}
      </Row>
    </div>
  );
}
