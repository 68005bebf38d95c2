import { useTranslation } from 'react-i18next';
import { failureReason, type BackupFailure } from './backup-format';

/** A backup failure in the person's language (by reason), else the server's own words. */
export function useFailureText(): (failure: BackupFailure) => string {
  const { t, i18n } = useTranslation();
  return (failure) => {
    const { reason, params } = failureReason(failure);
    const key = `backup.errors.${reason}`;
    return reason && i18n.exists(key) ? t(key, params) : failure.message;
  };
}
