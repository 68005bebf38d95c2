/**
 * A table's chart as pictures for the Word export, drawn without a browser: ECharts' server-side SVG renderer
 * gives the SVG (what Word 2016+, WPS and browsers show: the same chart as in the editor, with its words), and
 * chart-png.ts the PNG Word requires beside it for programs without SVG support.
 */
import * as echarts from 'echarts';
import type { Report } from '../reports/schema';
import type { Template } from '../templates/schema';
import { chartOption, tableChartData, type ChartData } from './chart';
import { drawChartPng } from './chart-png';

export interface ChartImage {
  svg: Uint8Array;
  png: Uint8Array;
  /** Display size in pixels (96 per inch). */
  width: number;
  height: number;
  /** The caption under the picture. */
  title: string;
}

/** Draw one chart (SVG with its PNG fallback, the PNG at twice the resolution). */
export function renderChartImage(data: ChartData, width = 560, height = 300): ChartImage {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(chartOption(data, { withTitle: false, fontFamily: "'Microsoft YaHei', SimHei, 'Noto Sans CJK SC', sans-serif" }));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  return { svg: new TextEncoder().encode(svg), png: drawChartPng(data, width * 2, height * 2), width, height, title: data.title };
}

/**
 * The charts of a document's tables, by section id (sections whose template declares a chart and that have
 * figures; a table with nothing to plot gets none).
 */
export function tableChartImages(report: Pick<Report, 'sections'>, template: Template): Record<string, ChartImage> {
  const images: Record<string, ChartImage> = {};
  for (const section of template.sections) {
    if (section.kind !== 'table' || !section.table?.chart) continue;
    const content = report.sections[section.id];
    const data = tableChartData(section.table, content?.type === 'table' ? content.rows : [], section.title);
    if (!data) continue;
    try {
      images[section.id] = renderChartImage(data);
    } catch (error) {
      // A chart that cannot be drawn is left out; the table above it carries the figures, the export goes on.
      console.warn(`[insight] chart of ${section.id} could not be drawn`, error);
    }
  }
  return images;
}
