import { CloudSyncOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { useSession } from '../profiles/session';
import { SyncFolderCard } from './SyncFolderCard';
import { RefusedCard, SyncPeopleCard, SyncthingCard } from './SyncPeopleCards';
import { JoinCard, JoinRequestsCard, SyncStateCard } from './SyncStatusCards';

/** 设置 → 同步: the office folder, joining and the roster, the people and their last package and acknowledgement, refusals, Syncthing. */
export function SyncPage() {
  const { t } = useTranslation();
  const { profile } = useSession();
  const status = useChannel('sync:status', {}, { refetchInterval: 5_000 });
  const data = status.data;

  return (
    <div style={{ padding: 24, maxWidth: 1000 }} data-testid="sync-page">
      <Typography.Title level={3}>
        <CloudSyncOutlined /> {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>

      <SyncFolderCard data={data} supervisor={profile?.role === 'supervisor'} />

      {data?.configured && (
        <>
          <SyncStateCard data={data} />
          {data.role === 'manager' && !data.supervisor && <JoinCard />}
          {data.role === 'supervisor' && <JoinRequestsCard requests={data.joinRequests} />}
          <SyncPeopleCard people={data.people} myRole={data.role} />
          <RefusedCard refused={data.refused} />
          {data.syncthing && <SyncthingCard syncthing={data.syncthing} />}
        </>
      )}
    </div>
  );
}
