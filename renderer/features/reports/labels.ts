import type { ReportStatus } from '../../../electron/core/common/schemas/report';

export const statusColors: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export const documentKinds = ['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom'] as const;
export const reportStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;

/** 2026-10 → 2026年10月 etc. for lists (same rule as the core's formatPeriod). */
export { formatPeriod } from '../../../electron/core/common/text/placeholders';
