import { App as AntApp, Alert, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { locationLabel, sizeText, type BackupStatusView } from './backup-format';
import { useFailureText } from './useFailureText';

/** The data folder, its origin and 「移动到…」. */
function DataFolderValue({ data, onMove }: { data: BackupStatusView | undefined; onMove: () => void }) {
  const { t } = useTranslation();
  const label = data?.location ? locationLabel(data.location) : null;
  return (
    <Space wrap>
      <Typography.Text code copyable data-testid="backup-data-folder">
        {data?.dataDir}
      </Typography.Text>
      {label && <Tag>{t(label.key, label.params)}</Tag>}
      <Button size="small" onClick={onMove} data-testid="backup-move">
        {t('backup.moveTo')}
      </Button>
    </Space>
  );
}

/** Where backups go: shown with 更改 / 使用默认, or edited in place. */
function BackupFolderValue({ data, saveFolder }: { data: BackupStatusView | undefined; saveFolder: (folder: string | null, onSaved: () => void) => Promise<void> }) {
  const { t } = useTranslation();
  const [folderDraft, setFolderDraft] = useState<string | null>(null);
  const save = (folder: string | null) => saveFolder(folder, () => setFolderDraft(null));
  if (folderDraft !== null) {
    return (
      <Space.Compact style={{ width: '100%' }}>
        <Input value={folderDraft} onChange={(event) => setFolderDraft(event.target.value)} placeholder={t('backup.folderPlaceholder')} aria-label={t('backup.folder')} />
        <Button type="primary" onClick={() => void save(folderDraft.trim() || null)}>
          {t('backup.save')}
        </Button>
      </Space.Compact>
    );
  }
  return (
    <Space wrap>
      <Typography.Text code data-testid="backup-folder">
        {data?.folder}
      </Typography.Text>
      {data && data.folder === data.defaultFolder && <Tag>{t('backup.folderDefault')}</Tag>}
      <Button size="small" onClick={() => setFolderDraft(data?.folder ?? '')}>
        {t('backup.changeFolder')}
      </Button>
      {data && data.folder !== data.defaultFolder && (
        <Button size="small" onClick={() => void save(null)}>
          {t('backup.useDefault')}
        </Button>
      )}
    </Space>
  );
}

/**
 * The status part of 备份与恢复: data folder (移动到…), backup folder, last backup with 「立即备份」, and the
 * last failure (of this screen's action or of the automatic backup).
 */
export function BackupStatusSection({ data, onMove }: { data: BackupStatusView | undefined; onMove: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const failureText = useFailureText();
  const [backingUp, setBackingUp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['backup:status'] });

  const backupNow = async () => {
    setBackingUp(true);
    setError(null);
    const result = await call('backup:now', {});
    setBackingUp(false);
    await refresh();
    if (result.ok) message.success(t('backup.done', { file: result.value.file }));
    else setError(t('backup.failed', { reason: failureText(result.error) }));
  };

  /** Saves the backup folder (null: the default); onSaved closes the editor before the status is read again. */
  const saveFolder = async (folder: string | null, onSaved: () => void) => {
    const result = await call('backup:set-folder', { folder });
    if (!result.ok) {
      setError(failureText(result.error));
      return;
    }
    onSaved();
    setError(null);
    await refresh();
  };

  return (
    <>
      <Descriptions column={1} size="small" labelStyle={{ width: 140 }}>
        <Descriptions.Item label={t('backup.dataFolder')}>
          <DataFolderValue data={data} onMove={onMove} />
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.folder')}>
          <BackupFolderValue data={data} saveFolder={saveFolder} />
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.last')}>
          <Space wrap>
            <span data-testid="backup-last">
              {data?.last
                ? t('backup.lastValue', { at: new Date(data.last.at).toLocaleString(), size: sizeText(data.last.size), files: data.last.files })
                : t('backup.never')}
            </span>
            <Button type="primary" size="small" loading={backingUp || data?.running} onClick={() => void backupNow()} data-testid="backup-now">
              {t('backup.now')}
            </Button>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {data?.last && (
        <Typography.Paragraph type="secondary" copyable={{ text: data.last.file }} style={{ marginBottom: 8 }}>
          {data.last.file}
        </Typography.Paragraph>
      )}
      {(error || data?.lastError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-error"
          title={error ?? t('backup.failedAt', { at: new Date(data!.lastError!.at).toLocaleString(), reason: failureText(data!.lastError!) })}
        />
      )}
    </>
  );
}
