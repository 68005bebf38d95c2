import { profileSchema } from '../common/schemas/profile';
import { reportStatusSchema } from '../common/schemas/report';
import { documentKindSchema } from '../common/schemas/template';
import type { BackupSummary } from './schema';

const decoder = new TextDecoder('utf-8');

function parseJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(data));
  } catch {
    return null;
  }
}

/**
 * What a set of data-folder files holds, counted from the files themselves (paths relative to the data
 * folder): the people, documents by kind and status, review records, templates and keys.
 */
export function summarizeDataFiles(files: Iterable<{ path: string; data: Uint8Array }>): BackupSummary {
  const summary: BackupSummary = {
    people: [],
    documents: 0,
    byKind: {},
    byStatus: {},
    reviewRecords: 0,
    reviewLogs: 0,
    templates: 0,
    keys: 0,
  };
  for (const { path, data } of files) {
    const segments = path.split('/');
    if (segments[0] === 'profiles' && segments.length === 2 && path.endsWith('.json')) {
      const profile = profileSchema.safeParse(parseJson(data));
      if (profile.success) summary.people.push({ name: profile.data.name, role: profile.data.role, unit: profile.data.unit });
    } else if (segments[0] === 'reports' && path.endsWith('.json')) {
      const report = parseJson(data) as { kind?: unknown; status?: unknown } | null;
      const kind = documentKindSchema.safeParse(report?.kind);
      const status = reportStatusSchema.safeParse(report?.status);
      if (!kind.success || !status.success) continue;
      summary.documents += 1;
      summary.byKind[kind.data] = (summary.byKind[kind.data] ?? 0) + 1;
      summary.byStatus[status.data] = (summary.byStatus[status.data] ?? 0) + 1;
    } else if (segments[0] === 'reviews' && path.endsWith('.ndjson')) {
      summary.reviewLogs += 1;
      // Complete lines only: a torn last line is not a record.
      const text = decoder.decode(data);
      summary.reviewRecords += text.split('\n').slice(0, -1).filter((line) => line.trim() !== '').length;
    } else if (segments[0] === 'templates' && /^v\d+\.json$/.test(segments[segments.length - 1])) {
      summary.templates += 1;
    } else if (segments[0] === 'keys' && segments.length === 2) {
      summary.keys += 1;
    }
  }
  summary.people.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name, 'zh-CN'));
  return summary;
}
