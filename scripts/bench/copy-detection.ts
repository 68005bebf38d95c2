/**
 * 雷同检测 at the size of the largest pools a check meets in an office of 50,000 documents, independent of how
 * the generated office happens to spread its documents: one author's five years of work logs (about 1,700, the
 * "own" pool) and every manager's logs of one month (30 × 22, the "peer" pool). The detector
 * (`detectCopies`, electron/core/insight/copy-detection.ts) is timed on new submissions against them: the first
 * check pays for building the postings of both pools, later ones only look up their own 3-grams.
 * store-bench.ts times the whole `computeCopyCheck` (pools read from the copy index on disk) on the real office.
 */
import { analysisSections, analysisSentences, detectCopies, fingerprintReport, type FingerprintEntry } from '../../electron/core/insight/copy-detection';
import { buildNewReport } from '../../electron/core/reports/new-report';
import type { Report } from '../../electron/core/common/schemas/report';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import type { Template } from '../../electron/core/common/schemas/template';
import { loadBuiltInTemplates } from '../../electron/store/seeds';
import { retailersOf, workLogText } from '../seed/phrases';
import { Random } from '../seed/prng';
import { infoRow, limitRow, median, p95, root, round, type Measured } from './lib';
import path from 'node:path';

const profile = { id: 'bench-writer', name: '张伟', role: 'manager' as const, unit: '城关一片区', createdAt: '2026-01-01T00:00:00.000Z' };

function day(index: number): string {
  return new Date(Date.UTC(2021, 0, 4) + index * 86_400_000).toISOString().slice(0, 10);
}

/** A submitted work log with generated analysis text (the seed's phrase pools). */
function workLog(template: Template, random: Random, id: string, authorId: string, period: string): Report {
  const report = buildNewReport({ template, profile: { ...profile, id: authorId }, metadata: { 报告期: period }, id, now: new Date(`${period}T10:00:00Z`), newId: () => random.uuid() });
  const text = workLogText({ random, area: profile.unit, period, retailers: retailersOf(random, 0, 30) });
  return { ...report, status: 'submitted', sections: { ...report.sections, analysis: { type: 'richtext', doc: plainToRichText(text.analysis.join('\n')) } } };
}

export async function benchCopyDetection(options: { ownPool: number; peerPool: number; checks: number }): Promise<Measured[]> {
  const { templates } = await loadBuiltInTemplates(path.join(root, 'seeds'));
  const template = templates.find((item) => item.id === 'builtin-work-log')!;
  const random = new Random('copy-detection-bench');
  const own: FingerprintEntry[] = [];
  for (let index = 0; index < options.ownPool; index++) {
    const period = day(index);
    own.push(fingerprintReport(workLog(template, random, `own-${index}`, 'bench-writer', period), template, `${period}T11:00:00.000Z`));
  }
  const peer: FingerprintEntry[] = [];
  for (let index = 0; index < options.peerPool; index++) {
    const period = `2026-11-${String((index % 22) + 1).padStart(2, '0')}`;
    peer.push(fingerprintReport(workLog(template, random, `peer-${index}`, `bench-peer-${index % 30}`, period), template, `${period}T11:00:00.000Z`));
  }
  const sentences = own.concat(peer).reduce((sum, entry) => sum + entry.sentences.length, 0);
  const times: number[] = [];
  let matched = 0;
  for (let check = 0; check < options.checks; check++) {
    const report = workLog(template, random, `new-${check}`, 'bench-writer', '2026-11-27');
    const started = performance.now();
    const result = detectCopies({
      document: fingerprintReport(report, template, '2026-11-27T12:00:00.000Z'),
      sentences: analysisSentences(analysisSections(template, report)),
      pools: [
        { category: 'own', entries: own },
        { category: 'peer', entries: peer },
      ],
    });
    times.push(performance.now() - started);
    matched += result.matches.length;
  }
  const [first, ...rest] = times;
  const pools = `an own pool of ${options.ownPool.toLocaleString('en-US')} logs and a peer pool of ${options.peerPool} (${sentences.toLocaleString('en-US')} indexed sentences)`;
  return [
    infoRow({
      group: '雷同检测 Copy check',
      name: 'copy detection: first check against the largest pools at 50,000 documents (builds their postings)',
      value: round(first, 1),
      unit: 'ms',
      note: `detectCopies with ${pools}; later checks reuse the postings, cached per pool`,
    }),
    limitRow({
      group: '雷同检测 Copy check',
      name: 'copy detection per submission against the largest pools at 50,000 documents (p95)',
      value: p95(rest.length ? rest : times),
      unit: 'ms',
      limit: 100,
      note: `${rest.length || times.length} generated logs checked against ${pools}; median ${round(median(rest.length ? rest : times), 2)} ms; ${matched} matched sentences in all (the seed's phrase pools repeat)`,
    }),
  ];
}
