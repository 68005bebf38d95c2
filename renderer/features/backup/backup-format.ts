import type { ChannelOutput } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/result';

export type BackupStatusView = ChannelOutput<'backup:status'>;
export type BackupPreviewView = ChannelOutput<'backup:inspect'>;

/** A failure as the backup service reports it: in a status (lastError) or as an API error with details. */
export type BackupFailure = { message: string; reason?: string; params?: Record<string, string | number> } | ApiError;

/** A file size for people: whole KB (at least 1) below a megabyte, MB with one decimal above. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The reason and its parameters of a backup failure, whether it came in a status or as an API error's details. */
export function failureReason(failure: BackupFailure): { reason: string | undefined; params: Record<string, string | number> } {
  const details = 'details' in failure ? (failure.details as { reason?: string; params?: Record<string, string | number> } | undefined) : undefined;
  const reason = 'reason' in failure ? failure.reason : details?.reason;
  const params = ('params' in failure ? failure.params : details?.params) ?? {};
  return { reason, params };
}

/** The catalogue key (and parameters) naming how the data folder was chosen. */
export function locationLabel(location: BackupStatusView['location']): { key: string; params?: Record<string, string> } {
  if (location.source === 'moved') return { key: 'backup.locationMoved', params: { pointer: location.pointerFile ?? '' } };
  if (location.source === 'environment') return { key: 'backup.locationEnvironment' };
  return { key: 'backup.locationDefault' };
}

/** The choices of the restore picker: each backup kept, newest first, as "time · size · name". */
export function backupOptions(backups: BackupStatusView['backups'], formatTime: (iso: string) => string): { value: string; label: string }[] {
  return backups.map((item) => ({ value: item.file, label: `${formatTime(item.at)} · ${sizeText(item.size)} · ${item.name}` }));
}

export type RestoreMode = 'new-folder' | 'replace';

/** The restore request for a previewed backup: a replace needs no target, a new folder takes the trimmed one. */
export function restoreRequest(file: string, mode: RestoreMode, target: string): { file: string; mode: 'replace' } | { file: string; mode: 'new-folder'; target: string } {
  return mode === 'replace' ? { file, mode } : { file, mode, target: target.trim() };
}
