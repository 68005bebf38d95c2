import type { ReactNode } from 'react';
import { ReportEditorPage } from '../features/reports/ReportEditorPage';

/** Routes below the top-level pages (a capability adds its own here). */
export const extraRoutes: { path: string; element: ReactNode }[] = [{ path: '/reports/:id', element: <ReportEditorPage /> }];
