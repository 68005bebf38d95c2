import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { ReportTable } from '../reports/ReportTable';

/** 待审阅: submitted documents for a supervisor; for a manager, the documents returned for revision. */
export function InboxPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const supervisor = profile.role === 'supervisor';
  const list = useChannel('reports:list', { status: supervisor ? 'submitted' : 'returned' });
  const rows = list.data ?? [];
  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{supervisor ? t('inbox.title') : t('inbox.managerTitle')}</h2>
        <Typography.Text type="secondary">{t('reports.count', { count: rows.length })}</Typography.Text>
      </div>
      {list.isSuccess && rows.length === 0 ? (
        <Empty description={supervisor ? t('inbox.empty') : t('inbox.managerEmpty')} />
      ) : (
        <ReportTable rows={rows} loading={list.isLoading} />
      )}
    </div>
  );
}
