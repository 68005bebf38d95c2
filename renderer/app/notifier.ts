import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiCallError } from '../api/client';
import { i18n } from '../i18n';

let notifier: NotificationInstance | null = null;

/** The antd notification instance of the mounted App (set once by the shell). */
export function setNotifier(instance: NotificationInstance): void {
  notifier = instance;
}

/** Every failed call ends here: one notification with the message in the user's language. */
export function notifyError(error: unknown): void {
  const message = error instanceof ApiCallError ? error.error.message : error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiCallError ? error.error.issues : undefined;
  notifier?.error({
    message: i18n.t('errors.callFailed'),
    description: issues?.length ? `${message}` : message,
    placement: 'bottomRight',
    duration: 8,
  });
}
