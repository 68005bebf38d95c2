import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../electron/core/common/schemas/template';
import { documentKinds, formatPeriod } from '../reports/labels';

interface HeaderProps {
  supervisor: boolean;
  month: string;
  kind: DocumentKind | undefined;
  onMonth: (month: string) => void;
  onKind: (kind: DocumentKind | undefined) => void;
}

/** The title with the month and kind shown, and (not printed) the month, the kind filter and 打印. */
export function DashboardHeader({ supervisor, month, kind, onMonth, onKind }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="rd-page-header">
      <h2>
        {supervisor ? t('dashboard.title') : t('dashboard.titleOwn')}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
          {formatPeriod(month)}
          {kind ? ` · ${t(`kinds.${kind}`)}` : ''}
        </Typography.Text>
      </h2>
      <Space className="rd-no-print">
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(value) => value && onMonth(value.format('YYYY-MM'))}
          aria-label={t('dashboard.period')}
          data-testid="dashboard-month"
        />
        <Select
          allowClear
          placeholder={t('reports.filterKind')}
          style={{ width: 150 }}
          value={kind}
          onChange={onKind}
          aria-label={t('reports.filterKind')}
          options={documentKinds.map((entry) => ({ value: entry, label: t(`kinds.${entry}`) }))}
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('dashboard.print')}
        </Button>
      </Space>
    </div>
  );
}
