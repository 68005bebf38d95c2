// Bench child: build a 台账 of <rows> documents in a fresh process (so its peak memory is the export's), then
// write the same rows as JSON for the openpyxl peer. Prints one JSON line.
// Usage: tsx scripts/bench/excel-child.ts <rows> <folder>
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RegisterComment, RegisterData, RegisterDocument } from '../../electron/core/export/register';
import { buildRegisterWorkbook, registerRows } from '../../electron/core/export/register';
import { resolveLabels } from '../../electron/core/export/labels';
import type { CommentKind } from '../../electron/core/common/schemas/review';
import { areas, commentTexts, managerNames } from '../seed/phrases';
import { Random } from '../seed/prng';

/** A register of `count` documents over five years (the generated office's mix), with comments on about half. */
function registerData(count: number): RegisterData {
  const random = new Random(`excel-bench/${count}`);
  const documents: RegisterDocument[] = [];
  const comments: RegisterComment[] = [];
  const start = Date.UTC(2021, 10, 22);
  const span = Date.UTC(2026, 10, 20) - start;
  for (let index = 0; index < count; index++) {
    const time = start + Math.floor((index / count) * span);
    const day = new Date(time).toISOString().slice(0, 10);
    const manager = index % managerNames.length;
    const kind = random.weighted([['work-log', 78], ['guidance-booklet', 18], ['market-analysis', 3.6], ['research', 0.6]] as const);
    const monthly = kind !== 'work-log';
    const status = random.weighted([['approved', 90], ['submitted', 4], ['returned', 2], ['draft', 4]] as const);
    const submitted = status !== 'draft';
    const graded = status === 'approved' || status === 'returned';
    documents.push({
      kind,
      title: kind === 'work-log' ? `${managerNames[manager]}${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8))}日工作日志` : kind === 'guidance-booklet' ? `${random.pick(['惠民', '鼓楼', '福满多', '佳佳'])}便利店${day.slice(0, 4)}年${Number(day.slice(5, 7))}月经营指导书` : `${areas[manager]}${day.slice(0, 4)}年${Number(day.slice(5, 7))}月卷烟市场分析报告`,
      author: managerNames[manager],
      region: areas[manager],
      period: monthly ? day.slice(0, 7) : day,
      status,
      ...(submitted ? { submittedAt: new Date(time + 10 * 3600_000).toISOString() } : {}),
      onTime: submitted ? random.chance(0.93) : null,
      ...(graded ? { grade: random.weighted([['优秀', 25], ['良好', 50], ['合格', 20], ['需改进', 5]] as const), meetingFlag: random.weighted([['none', 90], ['praise', 7], ['critique', 3]] as const) } : {}),
    });
    if (submitted && random.chance(0.5)) {
      for (let comment = random.int(1, 2); comment > 0; comment--) {
        const kind: CommentKind = random.weighted([['praise', 4], ['problem', 2], ['suggestion', 3], ['note', 1]] as const);
        comments.push({
          document: index,
          section: random.pick(['三、分析与思考', '六、存在的主要问题', '四、问题诊断']),
          quote: random.pick(['今天走访的15户中，黄山（红方印）有3户断货', '细支烟在便利店动销明显好于食杂店', '片区市场总体平稳、结构向好']),
          author: random.pick(['陈主任', '周科长', '吴主任']),
          at: new Date(time + 30 * 3600_000).toISOString(),
          kind,
          status: random.weighted([['open', 3], ['fixed', 1], ['resolved', 5], ['retracted', 0.5]] as const),
          text: random.pick(commentTexts[kind]),
          replies: random.chance(0.2) ? [`${managerNames[manager]}：已按要求修改。`] : [],
        });
      }
    }
  }
  return { documents, comments, managers: [...managerNames], grades: ['优秀', '良好', '合格', '需改进'], title: '台账', creator: '报告台' };
}

/** A cell as JSON for the Python peer: dates and formulas tagged. */
function cellJson(cell: unknown): unknown {
  if (cell instanceof Date) return { d: cell.toISOString() };
  if (cell && typeof cell === 'object' && 'formula' in cell) return { f: (cell as { formula: string }).formula };
  return cell ?? null;
}

async function main(): Promise<void> {
  const [countText, folder] = process.argv.slice(2);
  const data = registerData(Number(countText));
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const bytes = await buildRegisterWorkbook(data);
  const seconds = (performance.now() - started) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  writeFileSync(path.join(folder, 'register.xlsx'), bytes);

  // The same rows for openpyxl (written after the measurement, so it does not count in the peak).
  const labels = resolveLabels();
  const names = { register: labels.registerSheet, comments: labels.commentsSheet };
  // openpyxl cannot write shared formulas, so it gets every formula in full.
  const sheets = registerRows(data, names, { sharedFormulas: false });
  const rowsFile = path.join(folder, 'register-rows.json');
  const sheet = (name: string, part: { columns: { header: string }[]; rows: Iterable<unknown[]> }) => ({ name, header: part.columns.map((column) => column.header), rows: Array.from(part.rows, (row) => row.map(cellJson)) });
  writeFileSync(
    rowsFile,
    JSON.stringify([
      sheet(names.register, { columns: sheets.register.columns, rows: sheets.register.rows.rows() }),
      sheet(names.comments, { columns: sheets.comments.columns, rows: sheets.comments.rows.rows() }),
      sheet(labels.statisticsSheet, sheets.statistics),
    ]),
  );
  console.log(
    JSON.stringify({
      seconds,
      peakRss,
      baselineRss,
      bytes: bytes.length,
      rows: { register: sheets.register.rows.count, comments: sheets.comments.rows.count, statistics: sheets.statistics.rows.length },
      rowsFile,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
