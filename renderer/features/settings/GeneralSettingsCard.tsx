import { App as AntApp, Button, Card, Descriptions, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transportName } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { setLanguage } from '../../i18n';

/** The office name, editable with 保存 once changed (and not blank). */
function OfficeNameInput() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const settings = useChannel('settings:get', {});
  const update = useChannelMutation('settings:update');
  const [officeName, setOfficeName] = useState('');
  useEffect(() => setOfficeName(settings.data?.officeName ?? ''), [settings.data?.officeName]);
  return (
    <Space.Compact>
      <Input value={officeName} maxLength={60} onChange={(event) => setOfficeName(event.target.value)} style={{ width: 280 }} aria-label={t('settings.officeName')} />
      <Button
        onClick={() => update.mutate({ officeName }, { onSuccess: () => message.success(t('settings.saved')) })}
        disabled={!officeName.trim() || officeName === settings.data?.officeName}
      >
        {t('common.save')}
      </Button>
    </Space.Compact>
  );
}

/** The first card of 设置: language, office name, where the data lives, the transport and the version. */
export function GeneralSettingsCard() {
  const { t } = useTranslation();
  const settings = useChannel('settings:get', {});
  const info = useChannel('app:info', {});
  const update = useChannelMutation('settings:update');
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" labelStyle={{ width: 140 }}>
        <Descriptions.Item label={t('settings.language')}>
          <Select
            style={{ width: 160 }}
            value={settings.data?.language}
            aria-label={t('settings.language')}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
            onChange={(language) => update.mutate({ language }, { onSuccess: () => setLanguage(language) })}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.officeName')}>
          <OfficeNameInput />
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.dataFolder')}>
          <Typography.Text copyable code>
            {info.data?.dataDir}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.transport')}>{transportName() === 'ipc' ? t('app.transportIpc') : t('app.transportHttp')}</Descriptions.Item>
        <Descriptions.Item label={t('settings.version')}>{info.data?.version}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
