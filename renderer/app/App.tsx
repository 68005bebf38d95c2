import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
// antd's styles as one static file: no style is computed in the page (zeroRuntime below).
import 'antd/dist/antd.css';
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { request } from '../api/client';
import { queryKey, useChannel } from '../api/hooks';
import { OpenPackageListener } from '../features/exchange/OpenPackageListener';
import { ProfileGate } from '../features/profiles/ProfileGate';
import { SessionProvider, tabProfileId, useSession } from '../features/profiles/session';
import { i18n, setLanguage } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { notifyError, setNotifier } from './notifier';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: notifyError }),
  mutationCache: new MutationCache({
    // A failure its dialog shows in place is not also toasted over that dialog's buttons.
    onError: (error, _variables, _context, mutation) => {
      if (!mutation.meta?.shownInPlace) notifyError(error);
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

// The two reads the first screen waits for start now, while React draws the loading screen (Bootstrap reads them
// from the cache; a failure is shown there, as the query runs again).
for (const channel of ['settings:get', 'profiles:list'] as const) {
  void queryClient.prefetchQuery({ queryKey: queryKey(channel, {}), queryFn: () => request(channel, {}) });
}

/**
 * The office theme. zeroRuntime: antd's component styles come from its static stylesheet instead of being
 * generated in the page at first use (that generation was a quarter of the first screen's time); only the
 * theme's CSS variables are computed, so the primary colour and radius still apply.
 */
const theme = { zeroRuntime: true, hashed: false, token: { colorPrimary: '#1f5fa8', borderRadius: 4 } };

function NotifierBridge() {
  const { notification } = AntApp.useApp();
  useEffect(() => setNotifier(notification), [notification]);
  return null;
}

/** Loads settings and profiles, then opens the last profile or the profile gate. */
function Bootstrap() {
  const { t } = useTranslation();
  const settings = useChannel('settings:get', {});
  const profiles = useChannel('profiles:list', {});
  useEffect(() => {
    if (settings.data) setLanguage(settings.data.language);
  }, [settings.data]);
  if (settings.isLoading || profiles.isLoading) {
    return <Spin fullscreen tip={t('app.loading')} />;
  }
  const wanted = tabProfileId() ?? settings.data?.lastProfileId;
  const last = profiles.data?.find((profile) => profile.id === wanted) ?? null;
  return (
    <SessionProvider initial={last}>
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const { profile } = useSession();
  if (!profile) return <ProfileGate />;
  return (
    <HashRouter>
      <OpenPackageListener />
      <Shell key={profile.id} />
    </HashRouter>
  );
}

function LocalisedProviders() {
  const [language, setLanguageState] = useState(i18n.language);
  useEffect(() => {
    const onChange = (next: string) => setLanguageState(next);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={theme}>
      <AntApp>
        <NotifierBridge />
        <ErrorBoundary>
          <Bootstrap />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

/** Root: query cache (every failure notified), i18n, antd locale, error boundary, profile gate. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedProviders />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
