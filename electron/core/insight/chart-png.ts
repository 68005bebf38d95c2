/**
 * A plain raster drawing of a chart, as the PNG that Word needs beside an SVG picture for programs that cannot
 * show SVG (older Word, LibreOffice up to 7.x). No canvas and no fonts here: bars, lines, pie slices, axes and
 * grid lines are drawn directly, and numbers (values, axis ticks, percentages) with a built-in 5×7 digit font;
 * the words (categories, series names) are left to the table above the chart and the caption under it.
 */
import { deflateSync } from 'node:zlib';
import { chartPalette, chartValueLabel, type ChartData } from './chart';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Digits and the few signs numbers need, 5 columns × 7 rows, one string per row. */
const glyphs: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  ',': ['00000', '00000', '00000', '00000', '01100', '00100', '01000'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  '%': ['11000', '11001', '00010', '00100', '01000', '10011', '00011'],
};

/** An RGB image in memory with the few drawing operations a chart needs. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let index = 0; index < width * height; index++) this.pixels.set(background, index * 3);
  }

  set(x: number, y: number, color: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    this.pixels.set(color, (py * this.width + px) * 3);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(Math.min(x, x + width)));
    const x1 = Math.min(this.width, Math.round(Math.max(x, x + width)));
    const y0 = Math.max(0, Math.round(Math.min(y, y + height)));
    const y1 = Math.min(this.height, Math.round(Math.max(y, y + height)));
    for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) this.pixels.set(color, (py * this.width + px) * 3);
  }

  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    const half = thickness / 2;
    for (let step = 0; step <= steps; step++) {
      const x = x0 + ((x1 - x0) * step) / steps;
      const y = y0 + ((y1 - y0) * step) / steps;
      this.fillRect(x - half, y - half, thickness, thickness, color);
    }
  }

  /** Fill a polygon (even-odd rule, scanlines through pixel centres). */
  fillPolygon(points: [number, number][], color: Rgb): void {
    if (points.length < 3) return;
    const ys = points.map(([, y]) => y);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let py = top; py <= bottom; py++) {
      const scan = py + 0.5;
      const crossings: number[] = [];
      for (let index = 0; index < points.length; index++) {
        const [ax, ay] = points[index];
        const [bx, by] = points[(index + 1) % points.length];
        if ((ay <= scan && by > scan) || (by <= scan && ay > scan)) crossings.push(ax + ((scan - ay) * (bx - ax)) / (by - ay));
      }
      crossings.sort((a, b) => a - b);
      for (let index = 0; index + 1 < crossings.length; index += 2) {
        const from = Math.max(0, Math.round(crossings[index]));
        const to = Math.min(this.width, Math.round(crossings[index + 1]));
        for (let px = from; px < to; px++) this.pixels.set(color, (py * this.width + px) * 3);
      }
    }
  }

  /** Numbers in the built-in digit font; `scale` pixels per font pixel. Other characters are skipped. */
  text(value: string, x: number, y: number, color: Rgb, scale = 2, align: 'left' | 'center' | 'right' = 'left'): void {
    const characters = [...value].filter((character) => glyphs[character]);
    const width = characters.length * 6 * scale - scale;
    let left = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    for (const character of characters) {
      glyphs[character].forEach((row, rowIndex) => {
        for (let column = 0; column < 5; column++) {
          if (row[column] === '1') this.fillRect(left + column * scale, y + rowIndex * scale, scale, scale, color);
        }
      });
      left += 6 * scale;
    }
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The raster as a PNG file (8-bit RGB, no filtering, zlib). */
export function encodePng(raster: Raster): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, raster.width);
  view.setUint32(4, raster.height);
  header.set([8, 2, 0, 0, 0], 8);
  const stride = raster.width * 3;
  const scanlines = new Uint8Array((stride + 1) * raster.height);
  for (let y = 0; y < raster.height; y++) scanlines.set(raster.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(scanlines))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Round axis bounds and a step of 1, 2 or 5 × 10ⁿ giving about five grid lines. */
function niceScale(minimum: number, maximum: number): { low: number; high: number; step: number } {
  const low0 = Math.min(0, minimum);
  const high0 = Math.max(0, maximum);
  const span = high0 - low0 || Math.abs(high0) || 1;
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return { low: Math.floor(low0 / step) * step, high: Math.ceil(high0 / step) * step || step, step };
}

function tickLabel(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
  return value.toFixed(decimals);
}

/** Draw a chart as a PNG of `width` × `height` pixels. */
export function drawChartPng(data: ChartData, width: number, height: number): Uint8Array {
  const raster = new Raster(width, height);
  const ink: Rgb = [64, 64, 64];
  const grid: Rgb = [226, 226, 226];
  const colors = chartPalette.map(rgb);
  const scale = Math.max(1, Math.round(width / 400));
  if (data.type === 'pie') {
    const series = data.series[0];
    const values = series.values.map((value) => (value !== null && value > 0 ? value : 0));
    const total = values.reduce((sum, value) => sum + value, 0);
    const cx = width / 2;
    const cy = height / 2;
    const outer = Math.min(width, height) * 0.36;
    const inner = outer * 0.48;
    let angle = -Math.PI / 2;
    const labels: { text: string; x: number; y: number; right: boolean }[] = [];
    values.forEach((value, index) => {
      if (value <= 0 || total <= 0) return;
      const sweep = (value / total) * Math.PI * 2;
      const points: [number, number][] = [];
      const segments = Math.max(2, Math.ceil(sweep / 0.03));
      for (let step = 0; step <= segments; step++) {
        const at = angle + (sweep * step) / segments;
        points.push([cx + Math.cos(at) * outer, cy + Math.sin(at) * outer]);
      }
      for (let step = segments; step >= 0; step--) {
        const at = angle + (sweep * step) / segments;
        points.push([cx + Math.cos(at) * inner, cy + Math.sin(at) * inner]);
      }
      raster.fillPolygon(points, colors[index % colors.length]);
      const middle = angle + sweep / 2;
      const right = Math.cos(middle) >= 0;
      labels.push({
        text: `${((value / total) * 100).toFixed(1)}%`,
        x: cx + Math.cos(middle) * (outer + 10 * scale),
        y: cy + Math.sin(middle) * (outer + 10 * scale) - 3.5 * scale,
        right,
      });
      angle += sweep;
    });
    // Labels of thin neighbouring slices would overlap: on each side, push each one below the one above it.
    const gap = 10 * scale;
    for (const side of [true, false]) {
      const column = labels.filter((label) => label.right === side).sort((a, b) => a.y - b.y);
      for (let index = 1; index < column.length; index++) {
        if (column[index].y - column[index - 1].y < gap) {
          column[index].y = column[index - 1].y + gap;
          column[index].x = side ? Math.max(column[index].x, cx + outer * 0.3) : Math.min(column[index].x, cx - outer * 0.3);
        }
      }
    }
    for (const label of labels) raster.text(label.text, label.x, label.y, ink, scale, label.right ? 'left' : 'right');
    return encodePng(raster);
  }

  const all = data.series.flatMap((series) => series.values).filter((value): value is number => value !== null && Number.isFinite(value));
  const { low, high, step } = niceScale(Math.min(0, ...all), Math.max(0, ...all));
  const left = 12 * scale + Math.max(...[low, high].map((value) => tickLabel(value, step).length)) * 6 * scale;
  const right = width - 12 * scale;
  const top = 16 * scale;
  const bottom = height - 16 * scale;
  const y = (value: number) => bottom - ((value - low) / (high - low)) * (bottom - top);
  for (let tick = low; tick <= high + step / 2; tick += step) {
    raster.line(left, y(tick), right, y(tick), grid, 1);
    raster.text(tickLabel(tick, step), left - 6 * scale, y(tick) - 3.5 * scale, ink, scale, 'right');
  }
  raster.line(left, y(0), right, y(0), ink, Math.max(1, scale));
  const band = (right - left) / Math.max(1, data.categories.length);
  data.categories.forEach((_, index) => raster.line(left + band * (index + 1), y(0), left + band * (index + 1), y(0) + 4 * scale, ink, 1));
  if (data.type === 'bar') {
    const groupWidth = band * 0.7;
    const barWidth = Math.min(36 * scale, groupWidth / data.series.length);
    data.series.forEach((series, seriesIndex) => {
      series.values.forEach((value, index) => {
        if (value === null) return;
        const x = left + band * index + (band - barWidth * data.series.length) / 2 + barWidth * seriesIndex;
        raster.fillRect(x + 1, y(Math.max(0, value)), barWidth - 2, Math.abs(y(value) - y(0)), colors[seriesIndex % colors.length]);
        const labelY = value >= 0 ? y(value) - 10 * scale : y(value) + 3 * scale;
        raster.text(chartValueLabel(series, value), x + barWidth / 2, labelY, ink, scale, 'center');
      });
    });
  } else {
    data.series.forEach((series, seriesIndex) => {
      const color = colors[seriesIndex % colors.length];
      let previous: [number, number] | null = null;
      series.values.forEach((value, index) => {
        if (value === null) {
          previous = null;
          return;
        }
        const point: [number, number] = [left + band * index + band / 2, y(value)];
        if (previous) raster.line(previous[0], previous[1], point[0], point[1], color, 2 * scale);
        raster.fillRect(point[0] - 3 * scale, point[1] - 3 * scale, 6 * scale, 6 * scale, color);
        raster.text(chartValueLabel(series, value), point[0], point[1] - 12 * scale, ink, scale, 'center');
        previous = point;
      });
    });
  }
  return encodePng(raster);
}
