import { CloudSyncOutlined, SyncOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localised } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { useSession } from '../profiles/session';
import { Fingerprint } from '../exchange/IdentityCard';
import { ago } from './time';

/** 设置 → 同步: the office folder, joining and the roster, the people and their last package and acknowledgement, refusals, Syncthing. */
export function SyncPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { profile } = useSession();
  const status = useChannel('sync:status', {}, { refetchInterval: 5_000 });
  const configure = useChannelMutation('sync:configure');
  const runNow = useChannelMutation('sync:now');
  const join = useChannelMutation('sync:join');
  const admit = useChannelMutation('sync:admit');
  const disable = useChannelMutation('sync:disable');
  const [form] = Form.useForm<{ folder: string; address?: string; apiKey?: string; batchSeconds?: number }>();
  const [joinForm] = Form.useForm<{ fingerprint: string }>();
  const data = status.data;

  useEffect(() => {
    if (data?.configured) form.setFieldsValue({ folder: data.folder ?? '' });
  }, [data?.configured, data?.folder, form]);

  const save = async () => {
    const values = await form.validateFields();
    const syncthing = values.apiKey?.trim() ? { address: values.address?.trim() || 'http://127.0.0.1:8384', apiKey: values.apiKey.trim() } : undefined;
    await configure.mutateAsync({ folder: values.folder, ...(syncthing ? { syncthing } : {}), ...(values.batchSeconds !== undefined ? { batchSeconds: values.batchSeconds } : {}) });
    message.success(t('sync.saved'));
  };

  const stateText = data ? { off: t('sync.stateOff'), ok: t('sync.stateOk'), pending: t('sync.statePending', { count: data.pendingToSend }), problem: t('sync.stateProblem'), 'not-joined': t('sync.stateNotJoined') }[data.state] : '';

  return (
    <div style={{ padding: 24, maxWidth: 1000 }} data-testid="sync-page">
      <Typography.Title level={3}>
        <CloudSyncOutlined /> {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>

      <Card size="small" title={t('sync.folderTitle')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" initialValues={{ address: 'http://127.0.0.1:8384' }}>
          <Form.Item name="folder" label={t('sync.folder')} rules={[{ required: true, message: t('sync.folderRequired') }]} extra={t('sync.folderHelp')}>
            <Input placeholder="D:\\报告台同步" data-testid="sync-folder" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="address" label={t('sync.syncthingAddress')}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="apiKey" label={t('sync.syncthingKey')} extra={t('sync.syncthingKeyHelp')}>
              <Input.Password style={{ width: 280 }} autoComplete="off" />
            </Form.Item>
            {profile?.role === 'supervisor' && (
              <Form.Item name="batchSeconds" label={t('sync.batchSeconds')}>
                <InputNumber min={0} max={600} />
              </Form.Item>
            )}
          </Space>
          <Space>
            <Button type="primary" onClick={() => void save()} loading={configure.isPending} data-testid="sync-save">
              {t('sync.save')}
            </Button>
            {data?.configured && (
              <>
                <Button icon={<SyncOutlined />} onClick={() => void runNow.mutateAsync({})} loading={runNow.isPending} data-testid="sync-now">
                  {t('sync.now')}
                </Button>
                <Button danger onClick={() => void disable.mutateAsync({})}>
                  {t('sync.disable')}
                </Button>
              </>
            )}
          </Space>
        </Form>
      </Card>

      {data?.configured && (
        <>
          <Card size="small" title={t('sync.stateTitle')} style={{ marginBottom: 16 }}>
            {data.problem && <Alert type="error" showIcon message={data.problem.message} style={{ marginBottom: 12 }} data-testid="sync-problem" />}
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('sync.state')}>
                <Tag color={data.state === 'ok' ? 'green' : data.state === 'pending' ? 'blue' : 'red'}>{stateText}</Tag>
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

          {data.role === 'manager' && !data.supervisor && (
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
          )}

          {data.role === 'supervisor' && (
            <Card size="small" title={t('sync.requestsTitle')} style={{ marginBottom: 16 }}>
              {data.joinRequests.length ? (
                <List
                  dataSource={data.joinRequests}
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
          )}

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
            {data.people.length ? (
              <List
                dataSource={data.people}
                data-testid="sync-people"
                renderItem={(person) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Space>
                        <strong>{person.name}</strong>
                        <Tag>{t(`roles.${person.role}`)}</Tag>
                      </Space>
                      <Typography.Text>
                        {person.unacknowledged === 0 && person.lastAckAt
                          ? t(data.role === 'manager' ? 'sync.ackedSubmission' : 'sync.ackedReview', { name: person.name, when: ago(t, person.lastAckAt) })
                          : person.unacknowledged > 0
                            ? t('sync.waitingAck', { name: person.name, count: person.unacknowledged })
                            : t('sync.nothingSent')}
                      </Typography.Text>
                      <Typography.Text type="secondary">{t('sync.lastPackage', { when: ago(t, person.lastPackageAt) })}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('sync.noPeople')} />
            )}
          </Card>

          <Card size="small" title={t('sync.refusedTitle')} style={{ marginBottom: 16 }}>
            {data.refused.length ? (
              <Table
                size="small"
                rowKey={(row) => `${row.fingerprint}/${row.file}`}
                dataSource={data.refused}
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

          {data.syncthing && (
            <Card size="small" title={t('sync.syncthingTitle')} style={{ marginBottom: 16 }} data-testid="sync-syncthing">
              {!data.syncthing.ok && <Alert type="warning" showIcon message={data.syncthing.message} />}
              {data.syncthing.ok && (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('sync.syncthingFolder')}>
                    {data.syncthing.folder ? `${data.syncthing.folder.label} · ${data.syncthing.folder.state}` : data.syncthing.message}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('sync.syncthingDevices')}>
                    <Space wrap>
                      {data.syncthing.devices.map((device) => (
                        <Tag key={device.id} color={device.connected ? 'green' : 'default'}>
                          {device.name} · {device.connected ? t('sync.connected') : t('sync.disconnected')}
                        </Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
