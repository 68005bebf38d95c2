import { CloudSyncOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChannel } from '../../api/hooks';
import { ago } from './time';

export const syncPath = '/settings/sync';

/** The header's sync state: 同步正常 / 有 N 个待发送 / 同步有问题; hidden until sync is set up. Opens 设置 → 同步. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useChannel('sync:status', {}, { refetchInterval: 5_000 });
  const data = status.data;
  if (!data?.configured) return null;
  const open = () => navigate(syncPath);
  const received = t('sync.lastReceived', { when: ago(t, data.lastReceivedAt) });
  let color = 'green';
  let icon = <CloudSyncOutlined />;
  let label = t('sync.stateOk');
  if (data.state === 'problem') {
    color = 'red';
    icon = <ExclamationCircleOutlined />;
    label = t('sync.stateProblem');
  } else if (data.state === 'not-joined') {
    color = 'orange';
    icon = <ExclamationCircleOutlined />;
    label = t('sync.stateNotJoined');
  } else if (data.state === 'pending') {
    color = 'blue';
    icon = <LoadingOutlined />;
    label = t('sync.statePending', { count: data.pendingToSend });
  }
  return (
    <Tooltip title={data.problem?.message ?? received}>
      <Tag color={color} icon={icon} style={{ cursor: 'pointer' }} onClick={open} data-testid="sync-indicator">
        {label} · {received}
      </Tag>
    </Tooltip>
  );
}
