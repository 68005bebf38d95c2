import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/hooks';
import { Fingerprint } from '../exchange/IdentityCard';
import { stateColor, stateLabel, type SyncStatusView } from './sync-model';
import { ago } from './time';

/** 同步状态: the state, this machine's fingerprint, the last pass and package, the supervisor and whether we are on their roster. */
export function SyncStateCard({ data }: { data: SyncStatusView }) {
  const { t } = useTranslation();
  const label = stateLabel(data.state, data.pendingToSend);
  return (
    <Card size="small" title={t('sync.stateTitle')} style={{ marginBottom: 16 }}>
      {data.problem && <Alert type="error" showIcon message={data.problem.message} style={{ marginBottom: 12 }} data-testid="sync-problem" />}
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('sync.state')}>
          <Tag color={stateColor(data.state)}>{t(label.key, label.params)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.myFingerprint')}>{data.myFingerprint && <Fingerprint value={data.myFingerprint} testId="sync-my-fingerprint" />}</Descriptions.Item>
        <Descriptions.Item label={t('sync.lastPass')}>{ago(t, data.lastPassAt)}</Descriptions.Item>
        <Descriptions.Item label={t('sync.lastReceivedLabel')}>{ago(t, data.lastReceivedAt)}</Descriptions.Item>
        {data.supervisor && (
          <Descriptions.Item label={t('sync.supervisor')} span={2}>
            {data.supervisor.name} <Fingerprint value={data.supervisor.fingerprint} /> {!data.onRoster && <Tag color="orange">{t('sync.notOnRoster')}</Tag>}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 加入: a manager without a supervisor asks to join by the supervisor's fingerprint. */
export function JoinCard() {
  const { t } = useTranslation();
  const join = useChannelMutation('sync:join');
  const [joinForm] = Form.useForm<{ fingerprint: string }>();
  return (
    <Card size="small" title={t('sync.joinTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('sync.joinHelp')}</Typography.Paragraph>
      <Form form={joinForm} layout="inline" onFinish={(values) => void join.mutateAsync({ fingerprint: values.fingerprint })}>
        <Form.Item name="fingerprint" rules={[{ required: true, message: t('sync.fingerprintRequired') }]}>
          <Input style={{ width: 420, fontFamily: 'monospace' }} placeholder="ad9e 00cf 3a7a 96f7 0c94 3839 8557 8891" data-testid="sync-join-fingerprint" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={join.isPending} data-testid="sync-join">
          {t('sync.join')}
        </Button>
      </Form>
    </Card>
  );
}

/** 加入申请: the supervisor admits the people asking to join, after comparing their fingerprints. */
export function JoinRequestsCard({ requests }: { requests: SyncStatusView['joinRequests'] }) {
  const { t } = useTranslation();
  const admit = useChannelMutation('sync:admit');
  return (
    <Card size="small" title={t('sync.requestsTitle')} style={{ marginBottom: 16 }}>
      {requests.length ? (
        <List
          dataSource={requests}
          renderItem={(request) => (
            <List.Item
              actions={[
                <Button key="admit" type="primary" size="small" onClick={() => void admit.mutateAsync({ fingerprint: request.fingerprint })} data-testid="sync-admit">
                  {t('sync.admit')}
                </Button>,
              ]}
            >
              <Space>
                <strong>{request.name}</strong>
                <Tag>{t(`roles.${request.role}`)}</Tag>
                {request.unit}
                <Fingerprint value={request.fingerprint} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('sync.noRequests')}</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('sync.admitHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
