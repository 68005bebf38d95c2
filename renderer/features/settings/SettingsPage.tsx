import { WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Divider, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transportName } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { setLanguage } from '../../i18n';
import { ShortcutTable } from '../../app/ShortcutHelp';
import { BackupCard } from '../backup/BackupCard';
import { IdentityCard } from '../exchange/IdentityCard';
import { ExportSettingsCard } from '../export/ExportSettingsCard';
import { InsightSettingsCard } from '../insight/InsightSettingsCard';
import { SyncSettingsCard } from '../sync/SyncSettingsCard';
import { OfficeCalendarCard } from './OfficeCalendarCard';
import { ChangePassphraseCard } from '../profiles/ChangePassphraseCard';
import { StockToSalesRangeCard } from './StockToSalesRangeCard';
import { ProfileForm } from '../profiles/ProfileForm';
import { useSession } from '../profiles/session';

/** 设置: language, office name, profiles, where the data lives and whether any file was damaged. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const { profile, activate } = useSession();
  const settings = useChannel('settings:get', {});
  const info = useChannel('app:info', {});
  const problems = useChannel('store:problems', {});
  const profiles = useChannel('profiles:list', {});
  const update = useChannelMutation('settings:update');
  const demo = useChannelMutation('demo:load');
  const [officeName, setOfficeName] = useState('');
  useEffect(() => setOfficeName(settings.data?.officeName ?? ''), [settings.data?.officeName]);
  const loadDemo = () => {
    const run = () => demo.mutate({}, { onSuccess: (result) => message.success(t('profiles.demoLoaded', result)) });
    const count = info.data?.profileCount ?? profiles.data?.length ?? 1;
    // Sample people mixed into real data cannot be taken out in one step: only after a clear confirmation.
    if (count === 0) {
      run();
      return;
    }
    modal.confirm({
      title: t('workspace.demoConfirmTitle'),
      content: t('workspace.demoConfirmText', { profiles: count }),
      okText: t('workspace.demoConfirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  return (
    <div className="rd-page" style={{ maxWidth: 900 }}>
      <div className="rd-page-header">
        <h2>{t('settings.title')}</h2>
      </div>
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
              onChange={(language) =>
                update.mutate({ language }, { onSuccess: () => setLanguage(language) })
              }
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.officeName')}>
            <Space.Compact>
              <Input value={officeName} maxLength={60} onChange={(event) => setOfficeName(event.target.value)} style={{ width: 280 }} aria-label={t('settings.officeName')} />
              <Button
                onClick={() => update.mutate({ officeName }, { onSuccess: () => message.success(t('settings.saved')) })}
                disabled={!officeName.trim() || officeName === settings.data?.officeName}
              >
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataFolder')}>
            <Typography.Text copyable code>
              {info.data?.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.transport')}>
            {transportName() === 'ipc' ? t('app.transportIpc') : t('app.transportHttp')}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.version')}>{info.data?.version}</Descriptions.Item>
        </Descriptions>
      </Card>

      <BackupCard />

      <ExportSettingsCard />

      <InsightSettingsCard />

      <StockToSalesRangeCard />

      <OfficeCalendarCard />

      {profile && <IdentityCard withLink />}

      {profile?.role === 'supervisor' && <ChangePassphraseCard />}

      {profile && <SyncSettingsCard />}

      <Card size="small" title={t('settings.problems')} style={{ marginBottom: 16 }}>
        {problems.data && problems.data.length > 0 ? (
          <>
            <Alert type="warning" showIcon icon={<WarningOutlined />} message={t('settings.problemsFound', { count: problems.data.length })} />
            <List
              size="small"
              dataSource={problems.data}
              renderItem={(problem) => (
                <List.Item key={`${problem.file}-${problem.at}`}>
                  <Space direction="vertical" size={0}>
                    <Typography.Text code>{problem.file}</Typography.Text>
                    <Typography.Text type="secondary">{problem.reason}</Typography.Text>
                    {problem.movedTo && (
                      <Typography.Text type="secondary">
                        {t('settings.movedTo')} <Typography.Text code>{problem.movedTo}</Typography.Text>
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </>
        ) : (
          <Typography.Text type="success">{t('settings.noProblems')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('profiles.switch')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={profiles.data ?? []}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              actions={[
                item.id === profile?.id ? (
                  <Tag key="current" color="green">{t('profiles.current')}</Tag>
                ) : (
                  <Button key="use" size="small" onClick={() => void activate(item)}>
                    {t('profiles.switch')}
                  </Button>
                ),
              ]}
            >
              {item.name} <Tag>{t(`roles.${item.role}`)}</Tag> {item.unit}
            </List.Item>
          )}
        />
        <Divider plain>{t('profiles.addAnother')}</Divider>
        <div style={{ maxWidth: 360 }}>
          <ProfileForm submitLabel={t('common.create')} onCreated={(created) => message.success(t('profiles.created', { name: created.name }))} />
        </div>
      </Card>

      <Card size="small" title={t('settings.sampleData')}>
        <Typography.Paragraph type="secondary">{t('profiles.loadDemoHint')}</Typography.Paragraph>
        <Button loading={demo.isPending} onClick={loadDemo} data-testid="load-demo">
          {t('profiles.loadDemo')}
        </Button>
      </Card>

      <Card size="small" title={t('shortcuts.title')} style={{ marginTop: 16 }} id="shortcuts">
        <Typography.Paragraph type="secondary">{t('workspace.shortcutsHint')}</Typography.Paragraph>
        <ShortcutTable />
      </Card>
    </div>
  );
}
