import {
  AuditOutlined,
  BarChartOutlined,
  ExportOutlined,
  FileTextOutlined,
  LayoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Badge, Button, Dropdown, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { transportName } from '../api/client';
import { useChannel } from '../api/hooks';
import { useSession } from '../features/profiles/session';
import { ReportsPage } from '../features/reports/ReportsPage';
import { InboxPage } from '../features/review/InboxPage';
import appIcon from '../../resources/icon.svg';
import { ErrorBoundary } from './ErrorBoundary';
import { homePath, navigationItems, selectedNavigation, useGlobalShortcuts } from './shortcuts';
import { extraRoutes } from './routes';
import { ShortcutHelp } from './ShortcutHelp';

// The two home pages (我的文稿, 待审阅) are in the entry; every other page is loaded when first opened.
const TemplatesPage = lazy(() => import('../features/templates/TemplatesPage').then((module) => ({ default: module.TemplatesPage })));
const ExportPage = lazy(() => import('../features/export/ExportPage').then((module) => ({ default: module.ExportPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
import { SyncIndicator } from '../features/sync/SyncIndicator';

const icons: Record<string, React.ReactNode> = {
  reports: <FileTextOutlined />,
  inbox: <AuditOutlined />,
  templates: <LayoutOutlined />,
  export: <ExportOutlined />,
  settings: <SettingOutlined />,
  dashboard: <BarChartOutlined />,
};

const collapsedKey = 'reportdesk.navigationCollapsed';

/** The person's own choice of folding the navigation, or null when they never toggled it. */
function chosenCollapsed(): boolean | null {
  try {
    const stored = window.localStorage.getItem(collapsedKey);
    if (stored !== null) return stored === '1';
  } catch {
    // Storage unavailable: fall back to the window width.
  }
  return null;
}

/** The navigation folded to icons: the person's choice, else folded on narrow windows (below 1200 px). */
function initialCollapsed(): boolean {
  return chosenCollapsed() ?? window.innerWidth < 1200;
}

/** The workspace: navigation on the left (folds to icons), the current page on the right, the profile at the top. */
export function Shell() {
  const { t } = useTranslation();
  const { profile, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useGlobalShortcuts(navigate, showHelp);
  const unread = useChannel('review:inbox', { unreadOnly: true }, { refetchInterval: 30_000 });
  const unreadCount = unread.data?.entries.length ?? 0;
  const selected = selectedNavigation(location.pathname, location.state);
  const home = homePath(profile?.role);
  // Until the person folds or unfolds it themselves, the navigation follows the window: a window narrowed to
  // 800 px gives the text the room the navigation's labels took.
  useEffect(() => {
    const follow = () => {
      if (chosenCollapsed() === null) setCollapsed(window.innerWidth < 1200);
    };
    window.addEventListener('resize', follow);
    return () => window.removeEventListener('resize', follow);
  }, []);
  const toggle = () => {
    setCollapsed((value) => {
      try {
        window.localStorage.setItem(collapsedKey, value ? '0' : '1');
      } catch {
        // Not remembered; the fold still applies to this window.
      }
      return !value;
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="dark" collapsed={collapsed} collapsedWidth={56} className="rd-sider" data-testid="navigation">
        <div className="rd-brand">
          <img className="rd-brand-logo" src={appIcon} alt="" width={28} height={28} data-testid="brand-logo" />
          {!collapsed && t('app.name')}
          {!collapsed && <small>{t('app.subtitle')}</small>}
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
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="rd-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={toggle}
            aria-label={collapsed ? t('workspace.expandNavigation') : t('workspace.collapseNavigation')}
            aria-expanded={!collapsed}
            data-testid="navigation-toggle"
          />
          <Space size="middle">
            <SyncIndicator />
            <Tag>{transportName() === 'ipc' ? t('app.transportIpc') : t('app.transportHttp')}</Tag>
            <Dropdown
              trigger={['click']}
              autoFocus
              menu={{
                items: [{ key: 'switch', icon: <SwapOutlined />, label: t('profiles.switch') }],
                onClick: () => signOut(),
              }}
            >
              {/* A real button: Enter and Space open the menu, as a click does. */}
              <button type="button" className="rd-profile-button" data-testid="current-profile" aria-label={`${profile?.name ?? ''} · ${t('profiles.switch')}`}>
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text strong>{profile?.name}</Typography.Text>
                <Tag color={profile?.role === 'supervisor' ? 'gold' : 'blue'}>{t(`roles.${profile?.role}`)}</Tag>
                <Typography.Text type="secondary" className="rd-profile-unit">
                  {profile?.unit}
                </Typography.Text>
                <SwapOutlined />
              </button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ minWidth: 0 }}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin style={{ margin: 48 }} />}>
              <Routes>
                <Route path="/" element={<Navigate to={home} replace />} />
                <Route path="/reports" element={<ReportsPage />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/templates" element={<TemplatesPage />} />
                <Route path="/export" element={<ExportPage />} />
                <Route path="/settings" element={<SettingsPage />} />
                {extraRoutes.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
                <Route path="*" element={<Navigate to={home} replace />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Layout>
  );
}
