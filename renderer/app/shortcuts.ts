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

/** Name of the DOM event pages listen to for "new document" (Ctrl+N) and "focus search" (Ctrl+K or /). */
export const shortcutEvents = { newDocument: 'reportdesk:new-document', focusSearch: 'reportdesk:focus-search' } as const;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Alt+1…6 switch pages; Ctrl+N new document; Ctrl+K or / focus the search box. Ctrl+S is the editor's. */
export function useGlobalShortcuts(navigate: NavigateFunction): void {
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
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
