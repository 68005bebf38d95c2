import { useEffect } from 'react';
import type { NavigateFunction } from 'react-router';

export const navigationItems = [
  { key: 'reports', path: '/reports' },
  { key: 'inbox', path: '/inbox' },
  { key: 'templates', path: '/templates' },
  { key: 'export', path: '/export' },
  { key: 'settings', path: '/settings' },
  { key: 'dashboard', path: '/dashboard' },
] as const;

export type NavigationKey = (typeof navigationItems)[number]['key'];

/** A person's first page: a supervisor's work is 待审阅, a manager's 我的文稿. */
export function homePath(role: string | undefined): string {
  return role === 'supervisor' ? '/inbox' : '/reports';
}

/** The navigation state a page that opens a document passes on, so the navigation keeps showing where it came from. */
export interface OpenedFrom {
  from: NavigationKey;
}

/** The navigation entry for a path: a document shows the page it was opened from (kept in the history entry). */
export function selectedNavigation(pathname: string, state: unknown): NavigationKey {
  const from = (state as Partial<OpenedFrom> | null)?.from;
  if (pathname.startsWith('/reports/') && from && navigationItems.some((item) => item.key === from)) return from;
  return navigationItems.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.key ?? 'reports';
}

/** The navigation entry of the page at `pathname`, to pass as `{ from }` when it opens a document. */
export function openedFrom(pathname: string, state: unknown): OpenedFrom {
  return { from: selectedNavigation(pathname, state) };
}

/** Name of the DOM event pages listen to for "new document" (Ctrl+N) and "focus search" (Ctrl+K or /). */
export const shortcutEvents = { newDocument: 'reportdesk:new-document', focusSearch: 'reportdesk:focus-search' } as const;

export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Alt+1…6 switch pages; Ctrl+N new document; Ctrl+K or / focus the search box; ? the shortcut list. Ctrl+S is the editor's. */
export function useGlobalShortcuts(navigate: NavigateFunction, showHelp?: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && /^[1-6]$/.test(event.key)) {
        event.preventDefault();
        navigate(navigationItems[Number(event.key) - 1].path);
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        navigate('/reports');
        window.dispatchEvent(new Event(shortcutEvents.newDocument));
        return;
      }
      if ((mod && event.key.toLowerCase() === 'k') || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        window.dispatchEvent(new Event(shortcutEvents.focusSearch));
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target) && showHelp) {
        event.preventDefault();
        showHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, showHelp]);
}
