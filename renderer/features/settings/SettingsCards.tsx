import { WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Divider, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { ProfileForm } from '../profiles/ProfileForm';
import { useSession } from '../profiles/session';

/** 数据文件检查: damaged files found in the data folder, and where they were moved to. */
export function StoreProblemsCard() {
  const { t } = useTranslation();
  const problems = useChannel('store:problems', {});
  return (
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
  );
}

/** 切换身份: the profiles on this machine (switch to one), and a form to add another. */
export function ProfilesCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { profile, activate } = useSession();
  const profiles = useChannel('profiles:list', {});
  return (
    <Card size="small" title={t('profiles.switch')} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={profiles.data ?? []}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            actions={[
              item.id === profile?.id ? (
                <Tag key="current" color="green">
                  {t('profiles.current')}
                </Tag>
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
  );
}

/** 示例数据: load the sample office, after a clear confirmation when there are people already. */
export function SampleDataCard() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const info = useChannel('app:info', {});
  const profiles = useChannel('profiles:list', {});
  const demo = useChannelMutation('demo:load');
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
    <Card size="small" title={t('settings.sampleData')}>
      <Typography.Paragraph type="secondary">{t('profiles.loadDemoHint')}</Typography.Paragraph>
      <Button loading={demo.isPending} onClick={loadDemo} data-testid="load-demo">
        {t('profiles.loadDemo')}
      </Button>
    </Card>
  );
}
