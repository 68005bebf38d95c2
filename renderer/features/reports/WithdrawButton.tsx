import { RollbackOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/common/schemas/report';
import { useReviewActions } from '../review/useReviewActions';

/**
 * 撤回 for the author of a submission no supervisor has opened yet (the core decides: `review:get` says
 * `withdrawable`, and `review:withdraw` checks again). Hidden once a supervisor has opened it.
 */
export function WithdrawButton({ report, review }: { report: Report; review: { withdrawable?: boolean } | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { run, busy } = useReviewActions();
  if (!review?.withdrawable || report.status !== 'submitted') return null;
  return (
    <Popconfirm
      title={t('sync.withdrawConfirmTitle')}
      description={t('sync.withdrawConfirm')}
      okText={t('sync.withdraw')}
      cancelText={t('common.cancel')}
      onConfirm={async () => {
        if (await run('review:withdraw', { id: report.id })) message.success(t('sync.withdrawn'));
      }}
    >
      <Button icon={<RollbackOutlined />} loading={busy} data-testid="withdraw-submission">
        {t('sync.withdraw')}
      </Button>
    </Popconfirm>
  );
}
