/** docs/benchmarks.md: method, machine, every figure with its floor or peer, and what a missed target needs. */
import type { Office } from './datasets';
import type { machine as machineOf, Measured } from './lib';

/** Why a target is missed and what would meet it, by row name prefix (shown only for rows that miss). */
const shortfalls: { match: RegExp; text: string }[] = [
  {
    match: /^save one document|^save at .* ÷/,
    text: 'The store\'s save is the floor\'s write plus one fsync of the folder (so that the rename survives a power cut), the check of the current revision (answered from the document just read or written when its file is unchanged), serialisation and one journal line; none of these grows with the number of documents. On a disk whose fsync costs well under a millisecond the folder fsync alone is a third of the floor: what would meet the target there is giving up that fsync, which this store does not do.',
  },
  {
    match: /^bytes written per save/,
    text: 'The kernel counts whole 4 KiB pages: a document of a few KB dirties two or three pages, and the folder fsync adds directory and journal blocks.',
  },
  {
    match: /^open the store/,
    text: 'Opening reads the index snapshot (one JSON parse of columns) and builds one summary object per document; most of the rest is garbage collection of the parsed columns. What would meet the target on a slower machine: a larger young generation for the main process (--max-semi-space-size, about a third less time here), or building summaries lazily.',
  },
  {
    match: /^memory of a process/,
    text: 'The figure includes Node itself and every module of the app (see the note for the baseline before opening).',
  },
  {
    match: /^Word/,
    text: 'Nearly all of the time is in the docx library (building its object tree, serialising it and deflate) and its garbage; its quadratic attribute serialisation is already replaced by a single loop that writes the same bytes (electron/core/export/docx-attributes.ts, about a fifth faster). What would meet the target with a margin: write document.xml directly from the export model (word-model.ts already holds every paragraph, run and table as plain data) instead of building docx\'s object tree.',
  },
  {
    match: /^Excel: .*openpyxl/,
    text: 'The 台账 is written through exceljs\'s streaming writer, its rows made one at a time, each count column as one shared formula and strings inline. What is left is exceljs rendering every cell through its XML helpers and zlib compressing the sheet; what would meet the target on a slower machine: a lower deflate level for the sheets (larger files), or writing the sheet XML directly.',
  },
  {
    match: /^Excel: .*peak memory/,
    text: 'The input of 171,731 rows is itself about 150 MB (see the note). What is left is the finished file in memory (it is handed to the atomic file writer whole) and garbage not yet collected; what would meet the target: streaming the zip straight into the temporary file.',
  },
  {
    match: /^first screen/,
    text: 'The same page with 100 documents takes as long (the rows “time to first rows”, against the 100-document office): the time is the app\'s start, not the list. In a trace on this machine the entry\'s scripts (2.6 MB, 0.6 MB gzipped) have arrived about 0.6 s after navigation; the app\'s first line runs at about 1.2 s, once React, antd and the app are compiled and evaluated; the first render of the shell and the list takes about 0.8 s more; the reads themselves take tens of milliseconds (sending them while the app loads made no measurable difference). What would meet the target: a first screen that does not wait for the entry, rendered as HTML by the transport before the scripts run, or one built without antd.',
  },
  {
    match: /^keystroke/,
    text: 'The latency is measured to the frame after the keystroke; the editor updates without React, the page follows at most five times a second.',
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
- **Opening reads a snapshot of the list** (\`index/reports.snapshot\`, written with every compaction): the list column by column —
  ids, titles and times as arrays of strings, repeated values (template, author, area, period, status …) as indexes into a
  dictionary, numbers as base64 typed arrays — so 50,000 summaries come from one JSON parse of ASCII text, with the strings that
  repeat shared. Only the journal lines appended since the snapshot are parsed one by one; a map by id is built on first use.
- **A save reads the current version for its revision check from memory** when the file is unchanged (same inode, size and
  modification time as when it was last read or written); otherwise from disk. Reads are synchronous: a few kilobytes from
  the page cache cost less than four thread-pool round trips.
- **Bodies are never kept in memory**; the list holds one summary per document.
- **Search and lists push the caller's visibility and filters into the index**: a search returns the 200 best visible hits,
  taken score by score, instead of materialising tens of thousands of matches and then filtering them.
- **The list page asks for its first 100 rows first**, then for the whole list: a supervisor sees the newest documents while
  the 49,000 summaries are still on their way. The editor keeps its own text: typing updates the autosave at once and the page
  (completeness, comment marks) at most five times a second, after the keystroke has been painted.
- **Copy checks (雷同检测)** in the generated office are stored for the last two months of submissions, as if the check had been
  switched on then; every submission is in the copy index, so the benchmark's checks compare against five years of pools.

## Reading the numbers

- The machine these numbers come from is shared (other work ran alongside): figures near their target move between runs. While
  this benchmark was built, the Word ratio ranged from 0.65× to 0.77× (0.9× to 1.8× before docx's attribute serialisation was
  replaced), the 台账 from 0.32× to 0.36× of openpyxl with a peak of 210–217 MB, and the warm open from 80 ms to 130 ms on a busy
  moment; saves stayed between 1.4× and 1.7× the floor, search p95 between 18 and 29 ms, keystroke p95 between 10 and 23 ms.
  What would give those rows a margin is said under "Targets not met" when a run misses them.
- The issue sets no number for 我的文稿's time to first rows; the target used here is ours: at most 1.5× the same page on a
  100-document office. Loading the app itself (a 6 MB renderer
  bundle, not minified, in headless Chromium) takes well over a second here, and the 50,000 documents add little to it because
  the list asks for its first rows first.
- Not a target, but worth knowing: the background check every open starts reads and validates every document file only on its
  first pass (about half a minute of background work at 50,000 documents); each later open compares every file's signature
  (inode, size, modification time) with the last pass's and reads only the files that changed.
`;
}
