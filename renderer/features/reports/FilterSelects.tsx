import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../electron/core/common/schemas/template';
import type { ReportStatus } from '../../../electron/core/common/schemas/report';
import { documentKinds, reportStatuses } from './labels';

/** The document-kind filter used by every list of documents. */
export function KindSelect({ value, onChange }: { value: DocumentKind | undefined; onChange: (kind: DocumentKind | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={t('reports.filterKind')}
      style={{ width: 150 }}
      value={value}
      onChange={onChange}
      options={documentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      aria-label={t('reports.filterKind')}
    />
  );
}

/** The status filter used by every list of documents; `submittedOnly` hides 草稿 (for reviewers). */
export function StatusSelect({
  value,
  onChange,
  submittedOnly = false,
}: {
  value: ReportStatus | undefined;
  onChange: (status: ReportStatus | undefined) => void;
  submittedOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={t('reports.filterStatus')}
      style={{ width: 120 }}
      value={value}
      onChange={onChange}
      options={reportStatuses
        .filter((status) => !submittedOnly || status !== 'draft')
        .map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      aria-label={t('reports.filterStatus')}
    />
  );
}
