/**
 * A table's chart as pictures for the Word export, drawn without a browser: ECharts' server-side SVG renderer
 * gives the SVG (what Word 2016+, WPS and browsers show: the same chart as in the editor, with its words), and
 * resvg rasterises that same SVG, with the machine's Chinese fonts, into the PNG that Word requires beside it
 * for programs without SVG support (older Word, LibreOffice 7.x): the same chart, words included. resvg runs
 * on libuv's thread pool, so charts are drawn in parallel and never block the main process. Where resvg cannot
 * load (a platform without its prebuilt binary), chart-png.ts draws the shapes and numbers without the words.
 */
import type * as Resvg from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { Report } from '../common/schemas/report';
import type { Template } from '../common/schemas/template';
import { chartOption, tableChartData, type ChartData } from './chart';
import { drawChartPng } from './chart-png';

/** The chart's fonts: Windows, macOS, then Linux (fonts-noto-cjk) names; the first one installed is used. */
const CHART_FONTS = "'Microsoft YaHei', SimHei, 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/**
 * resvg's font where none of CHART_FONTS is installed: Windows' Chinese UI font there, Noto elsewhere. resvg is
 * a Node addon, so this runs in Node; its `process` is read structurally (the core is checked without Node).
 */
function fallbackFontFamily(): string {
  return (globalThis as { process?: { platform?: string } }).process?.platform === 'win32' ? 'Microsoft YaHei' : 'Noto Sans CJK SC';
}

type ResvgModule = typeof Resvg;
let resvgModule: Promise<ResvgModule | null> | undefined;

/** resvg, loaded once on first use; null (with one warning) where its native binary is missing. */
function loadResvg(): Promise<ResvgModule | null> {
  resvgModule ??= import('@resvg/resvg-js').then(
    (module) => module,
    (error: unknown) => {
      console.warn('[insight] resvg could not be loaded; chart pictures for programs without SVG support will have no words', error);
      return null;
    },
  );
  return resvgModule;
}

/** The SVG as a PNG `width` pixels wide on white, or null when resvg is missing or fails. */
async function rasterise(svg: string, width: number): Promise<Uint8Array | null> {
  const resvg = await loadResvg();
  if (!resvg) return null;
  try {
    const image = await resvg.renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
      background: 'white',
      font: { loadSystemFonts: true, defaultFontFamily: fallbackFontFamily() },
    });
    return new Uint8Array(image.asPng());
  } catch (error) {
    console.warn('[insight] resvg could not draw a chart; using the plain drawing', error);
    return null;
  }
}

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
export async function renderChartImage(data: ChartData, width = 560, height = 300): Promise<ChartImage> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(chartOption(data, { withTitle: false, fontFamily: CHART_FONTS }));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const png = (await rasterise(svg, width * 2)) ?? drawChartPng(data, width * 2, height * 2);
  return { svg: new TextEncoder().encode(svg), png, width, height, title: data.title };
}

/**
 * The charts of a document's tables, by section id (sections whose template declares a chart and that have
 * figures; a table with nothing to plot gets none).
 */
export async function tableChartImages(report: Pick<Report, 'sections'>, template: Template): Promise<Record<string, ChartImage>> {
  const drawn = template.sections.map(async (section): Promise<[string, ChartImage] | null> => {
    if (section.kind !== 'table' || !section.table?.chart) return null;
    const content = report.sections[section.id];
    const data = tableChartData(section.table, content?.type === 'table' ? content.rows : [], section.title);
    if (!data) return null;
    try {
      return [section.id, await renderChartImage(data)];
    } catch (error) {
      // A chart that cannot be drawn is left out; the table above it carries the figures, the export goes on.
      console.warn(`[insight] chart of ${section.id} could not be drawn`, error);
      return null;
    }
  });
  return Object.fromEntries((await Promise.all(drawn)).filter((entry) => entry !== null));
}
