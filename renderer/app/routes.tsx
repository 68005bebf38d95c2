import { lazy, type ReactNode } from 'react';

// Loaded on demand: the editor (TipTap, the grid), the dashboard (ECharts) and the exchange page.
const ReportEditorPage = lazy(() => import('../features/reports/ReportEditorPage').then((module) => ({ default: module.ReportEditorPage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })));
const ExchangePage = lazy(() => import('../features/exchange/ExchangePage').then((module) => ({ default: module.ExchangePage })));
const SyncPage = lazy(() => import('../features/sync/SyncPage').then((module) => ({ default: module.SyncPage })));

/** Routes below the top-level pages (a capability adds its own here). */
export const extraRoutes: { path: string; element: ReactNode }[] = [
  { path: '/reports/:id', element: <ReportEditorPage /> },
  // 统计 (Alt+6, the sixth navigation item).
  { path: '/dashboard', element: <DashboardPage /> },
  // Below 导出, so the navigation keeps 导出 highlighted; reached from the 导出 page and from 设置.
  { path: '/export/exchange', element: <ExchangePage /> },
  // 设置 → 同步 (below 设置, so the navigation keeps 设置 highlighted).
  { path: '/settings/sync', element: <SyncPage /> },
];
