import { SyncOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/hooks';
import { configureRequest, defaultSyncthingAddress, type SyncFolderValues, type SyncStatusView } from './sync-model';

/** 同步文件夹: the shared folder, an optional local Syncthing, the batch delay (supervisor), 保存 / 立即同步 / 停用. */
export function SyncFolderCard({ data, supervisor }: { data: SyncStatusView | undefined; supervisor: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const configure = useChannelMutation('sync:configure');
  const runNow = useChannelMutation('sync:now');
  const disable = useChannelMutation('sync:disable');
  const [form] = Form.useForm<SyncFolderValues>();

  useEffect(() => {
    if (data?.configured) form.setFieldsValue({ folder: data.folder ?? '' });
  }, [data?.configured, data?.folder, form]);

  const save = async () => {
    const values = await form.validateFields();
    await configure.mutateAsync(configureRequest(values));
    message.success(t('sync.saved'));
  };

  return (
    <Card size="small" title={t('sync.folderTitle')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={{ address: defaultSyncthingAddress }}>
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
          {supervisor && (
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
  );
}
