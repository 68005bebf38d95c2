import {
  AuditOutlined,
  BarChartOutlined,
  ExportOutlined,
  FileTextOutlined,
  LayoutOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Badge, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { transportName } from '../api/client';
import { useChannel } from '../api/hooks';
import { ExportPage } from '../features/export/ExportPage';
import { useSession } from '../features/profiles/session';
import { ReportsPage } from '../features/reports/ReportsPage';
import { InboxPage } from '../features/review/InboxPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import appIcon from '../../resources/icon.svg';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { ErrorBoundary } from './ErrorBoundary';
import { navigationItems, useGlobalShortcuts } from './shortcuts';
import { extraRoutes } from './routes';

const icons: Record<string, React.ReactNode> = {
  reports: <FileTextOutlined />,
  inbox: <AuditOutlined />,
  templates: <LayoutOutlined />,
  export: <ExportOutlined />,
  settings: <SettingOutlined />,
  dashboard: <BarChartOutlined />,
};

/** The workspace: navigation on the left, the current page on the right, the profile at the top. */
export function Shell() {
  const { t } = useTranslation();
  const { profile, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useGlobalShortcuts(navigate);
  const unread = useChannel('review:inbox', { unreadOnly: true }, { refetchInterval: 30_000 });
  const unreadCount = unread.data?.entries.length ?? 0;
  const selected = navigationItems.find((item) => location.pathname.startsWith(item.path))?.key ?? 'reports';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div className="rd-brand">
          <img className="rd-brand-logo" src={appIcon} alt="" width={28} height={28} data-testid="brand-logo" />
          {t('app.name')}
          <small>{t('app.subtitle')}</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(navigationItems.find((item) => item.key === key)!.path)}
          items={navigationItems.map((item, index) => ({
            key: item.key,
            icon: icons[item.key],
            label:
              item.key === 'inbox' && unreadCount > 0 ? (
                <Space>
                  {t('nav.inbox')}
                  <Badge count={unreadCount} size="small" data-testid="inbox-badge" />
                </Space>
              ) : (
                t(`nav.${item.key}`)
              ),
            title: `${t(`nav.${item.key}`)} (Alt+${index + 1})`,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #eee' }}
        >
          <Space size="middle">
            <Tag>{transportName() === 'ipc' ? t('app.transportIpc') : t('app.transportHttp')}</Tag>
            <Dropdown
              menu={{
                items: [{ key: 'switch', icon: <SwapOutlined />, label: t('profiles.switch') }],
                onClick: () => signOut(),
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="current-profile">
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text strong>{profile?.name}</Typography.Text>
                <Tag color={profile?.role === 'supervisor' ? 'gold' : 'blue'}>{t(`roles.${profile?.role}`)}</Tag>
                <Typography.Text type="secondary">{profile?.unit}</Typography.Text>
                <Button size="small" type="text" icon={<SwapOutlined />} aria-label={t('profiles.switch')} />
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content>
          <ErrorBoundary key={location.pathname}>
            <Routes>
              <Route path="/" element={<Navigate to="/reports" replace />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/inbox" element={<InboxPage />} />
              <Route path="/templates" element={<TemplatesPage />} />
              <Route path="/export" element={<ExportPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              {extraRoutes.map((route) => (
                <Route key={route.path} path={route.path} element={route.element} />
              ))}
              <Route path="*" element={<Navigate to="/reports" replace />} />
            </Routes>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
