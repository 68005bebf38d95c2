import type { ReactNode } from 'react';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { ReportEditorPage } from '../features/reports/ReportEditorPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SyncPage } from '../features/sync/SyncPage';

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
