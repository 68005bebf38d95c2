import { TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localised } from '../../api/client';
import { ackStanding, type SyncPerson, type SyncStatusView } from './sync-model';
import { ago } from './time';

function ackText(t: TFunction, person: SyncPerson, myRole: SyncStatusView['role']): string {
  const standing = ackStanding(person, myRole);
  if (standing.key === 'sync.waitingAck') return t(standing.key, { name: person.name, count: standing.count });
  if (standing.key === 'sync.nothingSent') return t(standing.key);
  return t(standing.key, { name: person.name, when: ago(t, standing.at) });
}

/** 同事: each person, whether they acknowledged what was sent, and their last package. */
export function SyncPeopleCard({ people, myRole }: { people: SyncPerson[]; myRole: SyncStatusView['role'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space>
          <TeamOutlined />
          {t('sync.peopleTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      {people.length ? (
        <List
          dataSource={people}
          data-testid="sync-people"
          renderItem={(person) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space>
                  <strong>{person.name}</strong>
                  <Tag>{t(`roles.${person.role}`)}</Tag>
                </Space>
                <Typography.Text>{ackText(t, person, myRole)}</Typography.Text>
                <Typography.Text type="secondary">{t('sync.lastPackage', { when: ago(t, person.lastPackageAt) })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('sync.noPeople')} />
      )}
    </Card>
  );
}

/** 拒收的包: packages refused (sender, file, why, when). */
export function RefusedCard({ refused }: { refused: SyncStatusView['refused'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sync.refusedTitle')} style={{ marginBottom: 16 }}>
      {refused.length ? (
        <Table
          size="small"
          rowKey={(row) => `${row.fingerprint}/${row.file}`}
          dataSource={refused}
          pagination={{ pageSize: 10 }}
          data-testid="sync-refused"
          columns={[
            { title: t('sync.refusedSender'), dataIndex: 'senderName' },
            { title: t('sync.refusedFile'), dataIndex: 'file', render: (file: string) => <Typography.Text code>{file}</Typography.Text> },
            {
              title: t('sync.refusedReason'),
              dataIndex: 'message',
              // In the person's language when the core kept the message's catalogue key.
              render: (message: string, row) => localised({ code: 'invalid-input', message, ...(row.key ? { key: row.key, params: row.params } : {}) }).message,
            },
            { title: t('sync.refusedAt'), dataIndex: 'at', render: (at: string) => ago(t, at) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('sync.noRefused')}</Typography.Text>
      )}
    </Card>
  );
}

/** Syncthing: whether this machine's Syncthing answers, the folder's state and the devices connected. */
export function SyncthingCard({ syncthing }: { syncthing: NonNullable<SyncStatusView['syncthing']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sync.syncthingTitle')} style={{ marginBottom: 16 }} data-testid="sync-syncthing">
      {!syncthing.ok && <Alert type="warning" showIcon message={syncthing.message} />}
      {syncthing.ok && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('sync.syncthingFolder')}>{syncthing.folder ? `${syncthing.folder.label} · ${syncthing.folder.state}` : syncthing.message}</Descriptions.Item>
          <Descriptions.Item label={t('sync.syncthingDevices')}>
            <Space wrap>
              {syncthing.devices.map((device) => (
                <Tag key={device.id} color={device.connected ? 'green' : 'default'}>
                  {device.name} · {device.connected ? t('sync.connected') : t('sync.disconnected')}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
