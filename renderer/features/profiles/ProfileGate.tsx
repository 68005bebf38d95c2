import { UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Card, Divider, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { ProfileForm } from './ProfileForm';
import { useSession } from './session';

/**
 * First run and profile choice: who is using this machine. With no profiles it shows the welcome and the
 * form; with profiles it lists them to pick from, with the form to add another.
 */
export function ProfileGate() {
  const { t } = useTranslation();
  const { activate } = useSession();
  const { message } = AntApp.useApp();
  const profiles = useChannel('profiles:list', {});
  const demo = useChannelMutation('demo:load');
  const list = profiles.data ?? [];
  const firstRun = profiles.isSuccess && list.length === 0;

  const onCreated = (profile: Profile) => {
    message.success(t('profiles.created', { name: profile.name }));
    void activate(profile);
  };

  return (
    <div className="rd-first-run">
      <Card style={{ width: 520, maxWidth: '100%' }} loading={profiles.isLoading}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {firstRun ? t('profiles.welcomeTitle') : t('profiles.chooseTitle')}
        </Typography.Title>
        {firstRun ? (
          <Typography.Paragraph type="secondary">{t('profiles.welcomeText')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('profiles.chooseText')}</Typography.Paragraph>
            <List
              dataSource={list}
              bordered
              renderItem={(profile) => (
                <List.Item
                  key={profile.id}
                  onClick={() => void activate(profile)}
                  style={{ cursor: 'pointer' }}
                  actions={[<Button key="open" type="link">{t('common.open')}</Button>]}
                >
                  <List.Item.Meta
                    avatar={<Avatar icon={<UserOutlined />} />}
                    title={profile.name}
                    description={
                      <>
                        <Tag color={profile.role === 'supervisor' ? 'gold' : 'blue'}>{t(`roles.${profile.role}`)}</Tag>
                        {profile.unit}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
            <Divider>{t('profiles.addAnother')}</Divider>
          </>
        )}
        <ProfileForm onCreated={onCreated} autoFocus />
        {firstRun && (
          <>
            <Divider plain>{t('profiles.loadDemo')}</Divider>
            <Typography.Paragraph type="secondary">{t('profiles.loadDemoHint')}</Typography.Paragraph>
            <Button
              block
              loading={demo.isPending}
              onClick={() =>
                demo.mutate({}, { onSuccess: (result) => message.success(t('profiles.demoLoaded', result)) })
              }
            >
              {t('profiles.loadDemo')}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
