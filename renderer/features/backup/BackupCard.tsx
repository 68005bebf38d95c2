import { Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, transportName } from '../../api/client';
import { BackupStatusSection } from './BackupStatusSection';
import { MoveDataDialog } from './MoveDataDialog';
import { RestoreSection } from './RestoreSection';

/** 设置 → 备份与恢复: data folder (移动到…), backup folder, last backup, 「立即备份」, and restore with a preview first. */
export function BackupCard() {
  const { t } = useTranslation();
  // The Result itself, not a thrown error: where no backup service runs (a bare store), the card stays away quietly.
  const status = useQuery({ queryKey: ['backup:status', {}], queryFn: () => call('backup:status', {}) });
  const [moveOpen, setMoveOpen] = useState(false);
  const data = status.data?.ok ? status.data.value : undefined;

  if (status.data && !status.data.ok && status.data.error.code === 'unavailable') return null;
  return (
    <Card size="small" title={t('backup.title')} style={{ marginBottom: 16 }} data-testid="backup-card">
      <BackupStatusSection data={data} onMove={() => setMoveOpen(true)} />
      <Typography.Paragraph type="secondary">{t('backup.auto')}</Typography.Paragraph>
      {transportName() === 'http' && <Typography.Paragraph type="secondary">{t('backup.browserNote')}</Typography.Paragraph>}

      <RestoreSection data={data} />

      <MoveDataDialog open={moveOpen} onClose={() => setMoveOpen(false)} />
    </Card>
  );
}
