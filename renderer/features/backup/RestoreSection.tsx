import { Alert, AutoComplete, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { backupOptions, restoreRequest, type BackupPreviewView, type BackupStatusView, type RestoreMode } from './backup-format';
import { BackupPreview } from './BackupPreview';
import { useFailureText } from './useFailureText';

/** Inspecting a backup and restoring it: the preview, the outcome and their errors. */
function useRestore() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const failureText = useFailureText();
  const [busy, setBusy] = useState<'inspect' | 'restore' | null>(null);
  const [preview, setPreview] = useState<BackupPreviewView | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const inspect = async (file: string) => {
    setBusy('inspect');
    setPreview(null);
    setPreviewError(null);
    setRestored(null);
    const result = await call('backup:inspect', { file });
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setPreviewError(failureText(result.error));
  };

  const restore = async (mode: RestoreMode, target: string) => {
    if (!preview) return;
    const run = async () => {
      setBusy('restore');
      setPreviewError(null);
      const result = await call('backup:restore', restoreRequest(preview.file, mode, target));
      setBusy(null);
      if (!result.ok) {
        setPreviewError(failureText(result.error));
        return;
      }
      setRestored(
        mode === 'replace'
          ? t('backup.restoredReplace', { files: result.value.files, backup: result.value.safetyBackup ?? '' })
          : t('backup.restoredNew', { files: result.value.files, target: result.value.target }),
      );
      await refreshAfter(client, 'backup:restore');
    };
    if (mode === 'replace') Modal.confirm({ title: t('backup.restore'), content: t('backup.replaceConfirm'), onOk: run });
    else await run();
  };

  return { busy, preview, previewError, restored, inspect, restore };
}

/** 恢复: choose a backup, see what it holds, then restore it into a new folder or in place of the current data. */
export function RestoreSection({ data }: { data: BackupStatusView | undefined }) {
  const { t } = useTranslation();
  const { busy, preview, previewError, restored, inspect, restore } = useRestore();
  const [chosen, setChosen] = useState('');
  const [mode, setMode] = useState<RestoreMode>('new-folder');
  const [target, setTarget] = useState('');
  return (
    <>
      <Typography.Title level={5}>{t('backup.restoreTitle')}</Typography.Title>
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <AutoComplete
          style={{ width: '100%' }}
          value={chosen}
          onChange={(value: string) => setChosen(value)}
          options={backupOptions(data?.backups ?? [], (iso) => new Date(iso).toLocaleString())}
          placeholder={t('backup.chooseHint')}
          aria-label={t('backup.choose')}
          data-testid="backup-choose"
        />
        <Button onClick={() => void inspect(chosen.trim())} disabled={!chosen.trim()} loading={busy === 'inspect'} data-testid="backup-inspect">
          {t('backup.inspect')}
        </Button>
      </Space.Compact>
      {previewError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={previewError} data-testid="backup-restore-error" />}
      {preview && (
        <div data-testid="backup-preview">
          <Typography.Text strong>{t('backup.preview')}</Typography.Text>
          <BackupPreview preview={preview} />
          <Radio.Group value={mode} onChange={(event) => setMode(event.target.value)} style={{ marginBottom: 8 }} aria-label={t('backup.mode')}>
            <Space direction="vertical">
              <Radio value="new-folder">{t('backup.modeNew')}</Radio>
              <Radio value="replace">{t('backup.modeReplace')}</Radio>
            </Space>
          </Radio.Group>
          <Space.Compact style={{ width: '100%' }}>
            {mode === 'new-folder' && (
              <Input value={target} onChange={(event) => setTarget(event.target.value)} placeholder={t('backup.targetPlaceholder')} aria-label={t('backup.targetPlaceholder')} data-testid="backup-target" />
            )}
            <Button type="primary" danger={mode === 'replace'} loading={busy === 'restore'} disabled={mode === 'new-folder' && !target.trim()} onClick={() => void restore(mode, target)} data-testid="backup-restore">
              {t('backup.restore')}
            </Button>
          </Space.Compact>
        </div>
      )}
      {restored && <Alert type="success" showIcon style={{ marginTop: 12 }} title={restored} data-testid="backup-restored" />}
    </>
  );
}
