import type { Report } from '../common/schemas/report';
import { canonicalJson } from '../common/canonical';

/** The content a submission freezes: the text and tables, without the mutable bookkeeping. */
export function snapshotHash(report: Report, sha256: (text: string) => string): string {
  return sha256(canonicalJson({ metadata: report.metadata, sections: report.sections, title: report.title, revision: report.revision }));
}
