import { CloudSyncOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChannel } from '../../api/hooks';
import { syncPath } from './SyncIndicator';

/** 设置: the way to 设置 → 同步, with the folder when sync is set up. */
export function SyncSettingsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useChannel('sync:status', {});
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <CloudSyncOutlined />
          {t('sync.settingsCard')}
        </Space>
      }
      extra={
        <Button size="small" onClick={() => navigate(syncPath)} data-testid="open-sync">
          {t('sync.open')}
        </Button>
      }
    >
      <Typography.Text type="secondary">{status.data?.configured ? status.data.folder : t('sync.stateOff')}</Typography.Text>
    </Card>
  );
}
