import { stat } from 'node:fs/promises';
import path from 'node:path';
import { exportRequestSchema } from '../api/inputs';
import { toIssues } from '../api/dispatcher';
import { defaultExportLabels } from '../core/export/labels';
import { runExport, type ExportRequest } from '../core/export/use-cases';
import type { Profile } from '../core/common/schemas/profile';
import type { CoreServices } from '../core/services';
import { formatPeriod } from '../core/common/text/placeholders';
import { writeExportFile } from '../store/export-file';
import { coded } from '../core/common/messages';

export interface ExportCommandOptions {
  layout?: string;
  out?: string;
  name?: string;
  date?: string;
  organiser?: string;
  ids?: string;
  revision?: string;
  author?: string;
  appendix?: boolean;
  withoutComments?: boolean;
  period?: string;
  kind?: string;
  status?: string;
}

/** A value given as its code or its Chinese name (市场分析报告, 已提交 …). */
function fromLabel<T extends string>(value: string | undefined, names: Record<T, string>): string | undefined {
  if (!value) return undefined;
  const match = (Object.entries(names) as [T, string][]).find(([code, name]) => code === value || name === value);
  return match ? match[0] : value;
}

function today(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The export request a command line describes, validated like the `export:start` channel. */
export async function exportRequestFromArgs(
  services: CoreServices,
  target: string | undefined,
  options: ExportCommandOptions,
): Promise<ExportRequest> {
  if (!target) throw coded('invalid-input', 'cli.exportUsage');
  let request: unknown;
  if (target === 'register') {
    let authorId: string | undefined;
    if (options.author) {
      const profiles = await services.profiles.list();
      const match = profiles.find((profile) => profile.id === options.author || profile.name === options.author);
      if (!match) throw coded('not-found', 'cli.managerNotFound', { name: options.author });
      authorId = match.id;
    }
    request = {
      kind: 'register',
      ...(options.period ? { period: options.period } : {}),
      ...(options.kind ? { documentKind: fromLabel(options.kind, defaultExportLabels.documentKinds) } : {}),
      ...(options.status ? { status: fromLabel(options.status, defaultExportLabels.statuses) } : {}),
      ...(authorId ? { authorId } : {}),
    };
  } else if (target === 'meeting-pack') {
    const settings = await services.settings.get();
    const period = options.period?.trim();
    request = {
      kind: 'meeting-pack',
      ...(options.ids ? { ids: options.ids.split(/[,，\s]+/).filter(Boolean) } : {}),
      ...(period ? { period } : {}),
      meetingName: options.name ?? `${period ? formatPeriod(period) : ''}工作例会`,
      meetingDate: options.date ?? today(services.clock.now()),
      organiser: options.organiser ?? settings.officeName,
      layout: options.layout ?? 'official',
    };
  } else {
    const layout = options.layout ?? 'official';
    const revision = options.revision ? Number(options.revision) : undefined;
    request =
      layout === 'excel'
        ? { kind: 'excel', id: target, ...(revision !== undefined ? { revision } : {}) }
        : {
            kind: 'word',
            id: target,
            layout,
            ...(revision !== undefined ? { revision } : {}),
            ...(options.appendix ? { includeReviewAppendix: true } : {}),
            ...(options.withoutComments ? { includeComments: false } : {}),
          };
  }
  const parsed = exportRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw coded('invalid-input', 'cli.badOptions', { details: issues.map((issue) => `${issue.path === '(root)' ? '' : `${issue.path} `}${issue.message}`).join('；') }, { issues });
  }
  return parsed.data;
}

/** Where to write: `--out` as a file, into `--out` when it is a folder, else the suggested name in the current folder. */
export async function outputPath(out: string | undefined, fileName: string, cwd = process.cwd()): Promise<string> {
  if (!out) return path.join(cwd, fileName);
  const resolved = path.resolve(cwd, out);
  const info = await stat(resolved).catch(() => null);
  return info?.isDirectory() ? path.join(resolved, fileName) : resolved;
}

/** Run `export …` as `profile`: build the file with the same use cases as the app, then write it all or nothing. */
export async function runExportCommand(
  services: CoreServices,
  profile: Profile,
  target: string | undefined,
  options: ExportCommandOptions,
): Promise<{ path: string; fileName: string; bytes: number }> {
  const request = await exportRequestFromArgs(services, target, options);
  const file = await runExport({ profile, services }, request);
  const destination = await outputPath(options.out, file.fileName);
  await writeExportFile(destination, file.bytes);
  return { path: destination, fileName: file.fileName, bytes: file.bytes.byteLength };
}
