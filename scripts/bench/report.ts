/** docs/benchmarks.md: method, machine, every figure with its floor or peer, and what a missed target needs. */
import type { Office } from './datasets';
import type { machine as machineOf, Measured } from './lib';

/** Why a target is missed and what would meet it, by row name prefix (shown only for rows that miss). */
const shortfalls: { match: RegExp; text: string }[] = [
  {
    match: /^save one document|^save at .* ÷/,
    text: 'The store\'s save is the floor\'s write plus one fsync of the folder (so the rename survives a power cut), the read of the current version (the optimistic revision check), serialisation and one journal line. On a disk whose fsync costs well under a millisecond these fixed costs weigh more; none of them grows with the number of documents.',
  },
  {
    match: /^bytes written per save/,
    text: 'The kernel counts whole 4 KiB pages: a document of a few KB dirties two or three pages, the folder fsync adds directory and journal blocks.',
  },
  {
    match: /^open the store/,
    text: 'Opening parses the index journal (one JSON array per document) and builds the list. What would meet it on a slower machine: keep the journal compacted (it is at close when long) and defer building summary objects until the list is asked for.',
  },
  {
    match: /^memory of a process/,
    text: 'The figure includes Node itself, the TypeScript loader of the benchmark and every module of the app (see the note for the baseline before opening).',
  },
  {
    match: /^Word/,
    text: 'The docx library builds an object per paragraph, run and table cell and serialises them through its XML layer; pandoc streams its AST to XML. What would meet it: write document.xml directly from the export model (the way the 台账 writer writes sheets) instead of through docx\'s object tree.',
  },
  {
    match: /^Excel/,
    text: 'The 台账 is written with exceljs\'s streaming writer, which builds a style and a cell object per cell and serialises them through its XML helpers. What would meet it: write the sheet XML directly (shared styles by index, inline strings) and deflate it with node:zlib.',
  },
  {
    match: /^keystroke/,
    text: 'See the note: the latency includes waiting for the next frame.',
  },
];

function format(value: number | null, unit = ''): string {
  if (value === null || Number.isNaN(value)) return '—';
  const text = Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
}

export function renderMarkdown(options: { rows: Measured[]; machine: ReturnType<typeof machineOf>; seconds: number; smoke: boolean; offices: Office[] }): string {
  const { rows, machine } = options;
  const lines: string[] = [];
  lines.push('# Benchmarks 性能测试');
  lines.push('');
  if (options.smoke) lines.push('> Smoke run on small inputs: it proves the benchmark runs; the numbers mean nothing.\n');
  lines.push(
    `Measured by \`npm run bench\` in one run of ${Math.round(options.seconds)} s on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.platform}, Node ${machine.node}. ` +
      'Every figure stands beside a floor or a peer measured in the same run on the same machine, so a slower or busier machine moves both; ' +
      'the ratio is what the targets are about. Raw numbers: [benchmarks.json](benchmarks.json).',
  );
  lines.push('');
  const failing = rows.filter((row) => !row.pass);
  lines.push(failing.length ? `**${rows.length - failing.length} of ${rows.length} figures meet their target; ${failing.length} do not (explained below).**` : `**All ${rows.length} figures meet their target.**`);
  lines.push('');
  lines.push('| | figure | value | floor or peer | ratio | target |');
  lines.push('|---|---|---|---|---|---|');
  for (const row of rows) {
    const baseline = row.baselineValue === null ? '—' : row.baseline === 'target' ? '—' : `${format(row.baselineValue, row.unit)} (${row.baseline})`;
    lines.push(`| ${row.pass ? '✅' : '❌'} | ${row.name} | ${format(row.value, row.unit)} | ${baseline} | ${row.ratio === null || row.baseline === 'target' ? '—' : `${row.ratio}×`} | ${row.target} |`);
  }
  lines.push('');
  lines.push('## How each figure is measured');
  lines.push('');
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push(`### ${group}`);
      lines.push('');
    }
    lines.push(`- **${row.name}** — ${format(row.value, row.unit)}${row.pass ? '' : ' (misses its target)'}. ${row.note ?? ''}`);
  }
  lines.push('');
  if (failing.length) {
    lines.push('## Targets not met');
    lines.push('');
    for (const row of failing) {
      const why = shortfalls.find((item) => item.match.test(row.name))?.text ?? '';
      lines.push(`- **${row.name}**: ${format(row.value, row.unit)} against ${row.target}${row.baselineValue !== null && row.baseline !== 'target' ? ` (${row.baseline}: ${format(row.baselineValue, row.unit)})` : ''}. ${row.note ?? ''} ${why}`);
    }
    lines.push('');
  }
  lines.push(designText(options.offices));
  return `${lines.join('\n')}\n`;
}

function designText(offices: Office[]): string {
  const summaries = offices.map((office) => `- ${office.count.toLocaleString('en-US')}: ${office.summary}`).join('\n');
  return `## The data

\`npm run seed:large -- --count 50000 --data <folder>\` generates a county office: 30 customer managers (one area each, 40 retailers
each), 3 supervisors, five years of daily work logs, monthly market analyses, monthly guidance booklets for retailers and research
reports twice a year, in Chinese composed from phrase banks (sales, 同比, 存销比, brands, areas, shops, prices, display, ordering), with
tables; older documents are reviewed (comments on passages and cells, grades, meeting flags), some returned, fixed and resubmitted.
It is deterministic for a seed. Every document is made by the real use cases (create, save, submit, comment, decide, mark fixed,
resolve) against in-memory repositories that keep the exact bytes the file repositories write; the files are then written without a
per-file fsync and the index and search segment built once (\`electron/store/bulk-load.ts\`). \`tests/integration/bulk-load.test.ts\`
replays the same acts through the real store one by one and checks that every file is identical, byte for byte, and that the folder
opens, lists, reads and verifies. The benchmark caches the offices under \`.tmp/bench/\`:

${summaries}

## The store's design at 50,000 documents

- **One file per document**, written atomically (temporary file, fsync, rename, fsync of the folder). A save writes that one file and
  appends one line to the index journal; nothing else grows with the number of documents.
- **The document list is an append-only journal** (\`index/reports.ndjson\`), one compact line per save — a positional JSON array,
  not an object, so 50,000 lines are parsed as a single JSON array in one \`JSON.parse\` — folded at open and compacted (newest
  first) when it has grown past twice the live documents. It is a cache: without the \`clean\` marker of an orderly shutdown it is
  rebuilt from the document files. The list is kept sorted newest first and re-sorted only after a change.
- **Search is a stored segment** (\`index/search.bin\`): CJK character pairs and words with their documents, postings as delta-coded
  numbers or, for tokens in more than one document in eight, bitmaps. At the first search only the header, the document table and the
  dictionary are read; postings are read from the file per query. Documents saved since the segment was written live in a small
  in-memory index and hide their old postings; at close, 200 or more changes are merged into a new segment. A segment that is missing,
  damaged or mostly out of date is rebuilt from the documents (and written when the store closes: a search never writes). Equally
  good hits come back newest first.
- **Bodies are never kept in memory**; the list holds one summary per document.
`;
}
