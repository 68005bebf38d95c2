/**
 * Charts of data tables (`table.chart` in the template): the figures to plot, and the ECharts option that
 * draws them. Shared by the editor (ECharts in the browser) and the Word export (ECharts server-side SVG), so
 * both show the same chart. Blank cells are gaps, never zero; a table with nothing to plot has no chart.
 */
import { evaluateTable, formatNumber } from '../common/formula';
import { displayDecimals } from '../common/formula/format';
import type { TableRow } from '../common/schemas/report';
import type { ColumnDef, TableChart, TableDef } from '../common/schemas/template';

export interface ChartSeries {
  key: string;
  name: string;
  /** Plotted values (percent columns as percentages: 3.2 for 3.2%); null is a gap. */
  values: (number | null)[];
  percent: boolean;
  unit: string;
  decimals: number;
}

export interface ChartData {
  type: TableChart['type'];
  title: string;
  categories: string[];
  series: ChartSeries[];
}

/** Office colours that print well in grey too. */
export const chartPalette = ['#1f5fa8', '#d9822b', '#3a9d5d', '#c23b3b', '#7b5ea7', '#2a9fb0', '#8c6d31', '#5c6b7a'];

function columnOf(table: TableDef, key: string): ColumnDef | undefined {
  return table.columns.find((column) => column.key === key);
}

/** The figures of a table's chart, or null when the table declares none or has nothing to plot. */
export function tableChartData(table: TableDef, rows: TableRow[], fallbackTitle = ''): ChartData | null {
  const chart = table.chart;
  if (!chart) return null;
  const category = columnOf(table, chart.category);
  const columns = chart.series.map((key) => columnOf(table, key)).filter((column): column is ColumnDef => !!column);
  if (!category || columns.length === 0) return null;
  const plotted = chart.type === 'pie' ? columns.slice(0, 1) : columns;
  const evaluated = evaluateTable(table, rows);
  const categories: string[] = [];
  const values: (number | null)[][] = plotted.map(() => []);
  for (const row of evaluated.rows) {
    const label = row.cells[category.key]?.value;
    const name = label === null || label === undefined ? '' : String(label).trim();
    const numbers = plotted.map((column) => {
      const cell = row.cells[column.key];
      if (!cell || cell.marker || typeof cell.value !== 'number' || !Number.isFinite(cell.value)) return null;
      return column.type === 'percent' ? Number((cell.value * 100).toPrecision(12)) : cell.value;
    });
    if (!name || numbers.every((value) => value === null)) continue;
    if (chart.type === 'pie' && !(numbers[0] !== null && numbers[0] > 0)) continue;
    categories.push(name);
    numbers.forEach((value, index) => values[index].push(value));
  }
  if (categories.length === 0) return null;
  return {
    type: chart.type,
    title: chart.title?.trim() || fallbackTitle.replace(/^表\s*\d+\s*/u, ''),
    categories,
    series: plotted.map((column, index) => ({
      key: column.key,
      name: column.label,
      values: values[index],
      percent: column.type === 'percent',
      unit: column.type === 'percent' ? '%' : (column.unit ?? ''),
      decimals: displayDecimals(column),
    })),
  };
}

/** A plotted value as its label prints: 3.2%, 1,286.00. */
export function chartValueLabel(series: ChartSeries, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return `${formatNumber(value, series.decimals)}${series.percent ? '%' : ''}`;
}

export interface ChartOptionSettings {
  /** Draw the title inside the chart (the editor); the Word export captions it underneath instead. */
  withTitle?: boolean;
  fontFamily?: string;
}

/** The ECharts option for a chart (no animation: it is also rendered on the server and printed). */
export function chartOption(data: ChartData, settings: ChartOptionSettings = {}): Record<string, unknown> {
  const fontFamily = settings.fontFamily ?? "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', SimHei, sans-serif";
  const textStyle = { fontFamily, fontSize: 12, color: '#333' };
  const top = settings.withTitle ? 36 : 12;
  const title = settings.withTitle ? { text: data.title, left: 'center', top: 4, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } } : undefined;
  const base = { animation: false, color: chartPalette, textStyle, ...(title ? { title } : {}) };
  if (data.type === 'pie') {
    const series = data.series[0];
    return {
      ...base,
      legend: { bottom: 0, left: 'center', textStyle },
      series: [
        {
          type: 'pie',
          radius: ['30%', '62%'],
          center: ['50%', settings.withTitle ? '52%' : '46%'],
          avoidLabelOverlap: true,
          label: {
            show: true,
            fontFamily,
            fontSize: 12,
            formatter: (params: { name: string; percent?: number }) => `${params.name}\n${(params.percent ?? 0).toFixed(1)}%`,
          },
          data: data.categories.map((name, index) => ({ name, value: series.values[index] })),
        },
      ],
    };
  }
  const longLabels = data.categories.some((name) => name.length > 6) || data.categories.length > 8;
  const percent = data.series.every((series) => series.percent);
  return {
    ...base,
    legend: data.series.length > 1 ? { top: settings.withTitle ? 28 : 0, right: 8, textStyle } : undefined,
    grid: { left: 16, right: 24, top: top + (data.series.length > 1 ? 24 : 8), bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.categories,
      axisLabel: { interval: 0, rotate: longLabels ? 30 : 0, fontFamily, fontSize: 12, color: '#333' },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: percent ? '%' : (data.series[0]?.unit ?? ''),
      nameTextStyle: { fontFamily, fontSize: 12, color: '#666' },
      axisLabel: { fontFamily, fontSize: 11, color: '#666' },
      splitLine: { lineStyle: { color: '#e5e5e5' } },
    },
    series: data.series.map((series) => ({
      type: data.type,
      name: series.name,
      data: series.values,
      connectNulls: false,
      barMaxWidth: 36,
      label: {
        show: true,
        position: 'top',
        fontFamily,
        fontSize: 11,
        formatter: (params: { value: number | null }) => chartValueLabel(series, params.value),
      },
    })),
  };
}
