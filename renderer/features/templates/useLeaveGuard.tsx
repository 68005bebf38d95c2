import { ExclamationCircleOutlined } from '@ant-design/icons';
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { navigationItems, shortcutEvents } from '../../app/shortcuts';

/**
 * The editor's keyboard and its guard against losing unsaved changes: Ctrl+S saves; closing, reloading
 * the window or a page shortcut (Alt+1…5, Ctrl+N) with unsaved changes asks first. Returns
 * `confirmLeave(then)`, which runs `then` at once when nothing is unsaved, else after the user agrees.
 */
export function useLeaveGuard({ dirty, onClose, submit }: { dirty: boolean; onClose: () => void; submit: () => Promise<void> }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const navigate = useNavigate();
  const submitRef = useRef(submit);
  submitRef.current = submit;

  const confirmLeave = useCallback(
    (then: () => void) => {
      if (!dirty) {
        then();
        return;
      }
      modal.confirm({
        title: t('templateEditor.leaveTitle'),
        icon: <ExclamationCircleOutlined />,
        content: t('templateEditor.leaveText'),
        okText: t('templateEditor.leaveDiscard'),
        okButtonProps: { danger: true },
        cancelText: t('templateEditor.leaveStay'),
        onOk: then,
      });
    },
    [dirty, modal, t],
  );

  // Closing the window or reloading with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [dirty]);

  // Ctrl+S saves; the page shortcuts (Alt+1…5, Ctrl+N) ask before leaving unsaved changes.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        event.stopImmediatePropagation();
        // Let the focused input finish first (a renamed column key renames its references on blur).
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        window.setTimeout(() => void submitRef.current(), 0);
        return;
      }
      if (!dirty) return;
      const page = event.altKey && !event.ctrlKey && /^[1-5]$/.test(event.key) ? navigationItems[Number(event.key) - 1].path : null;
      const newDocument = mod && event.key.toLowerCase() === 'n';
      if (!page && !newDocument) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      confirmLeave(() => {
        onClose();
        navigate(page ?? '/reports');
        if (newDocument) window.setTimeout(() => window.dispatchEvent(new Event(shortcutEvents.newDocument)), 0);
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dirty, confirmLeave, navigate, onClose]);

  return confirmLeave;
}
