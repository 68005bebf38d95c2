import { App as AntApp, Alert, AutoComplete, Button, Card, Descriptions, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/result';
import { call, transportName } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';

type Preview = ChannelOutput<'backup:inspect'>;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** A backup failure in the person's language (by reason), else the server's own words. */
function useFailureText() {
  const { t, i18n } = useTranslation();
  return (failure: { message: string; reason?: string; params?: Record<string, string | number> } | ApiError) => {
    const details = 'details' in failure ? (failure.details as { reason?: string; params?: Record<string, string | number> } | undefined) : undefined;
    const reason = 'reason' in failure ? failure.reason : details?.reason;
    const params = ('params' in failure ? failure.params : details?.params) ?? {};
    const key = `backup.errors.${reason}`;
    return reason && i18n.exists(key) ? t(key, params) : failure.message;
  };
}

/** 设置 → 备份与恢复: data folder (移动到…), backup folder, last backup, 「立即备份」, and restore with a preview first. */
export function BackupCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const failureText = useFailureText();
  // The Result itself, not a thrown error: where no backup service runs (a bare store), the card stays away quietly.
  const status = useQuery({ queryKey: ['backup:status', {}], queryFn: () => call('backup:status', {}) });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [folderDraft, setFolderDraft] = useState<string | null>(null);
  const [moveOpen, setMoveOpen] = useState(false);
  const [moveTarget, setMoveTarget] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [mode, setMode] = useState<'new-folder' | 'replace'>('new-folder');
  const [target, setTarget] = useState('');
  const [restored, setRestored] = useState<string | null>(null);
  const data = status.data?.ok ? status.data.value : undefined;
  const refresh = () => client.invalidateQueries({ queryKey: ['backup:status'] });

  const backupNow = async () => {
    setBusy('now');
    setError(null);
    const result = await call('backup:now', {});
    setBusy(null);
    await refresh();
    if (result.ok) message.success(t('backup.done', { file: result.value.file }));
    else setError(t('backup.failed', { reason: failureText(result.error) }));
  };

  const saveFolder = async (folder: string | null) => {
    const result = await call('backup:set-folder', { folder });
    if (!result.ok) {
      setError(failureText(result.error));
      return;
    }
    setFolderDraft(null);
    setError(null);
    await refresh();
  };

  const inspect = async () => {
    setBusy('inspect');
    setPreview(null);
    setPreviewError(null);
    setRestored(null);
    const result = await call('backup:inspect', { file: chosen.trim() });
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setPreviewError(failureText(result.error));
  };

  const restore = async () => {
    if (!preview) return;
    const run = async () => {
      setBusy('restore');
      setPreviewError(null);
      const result = await call('backup:restore', mode === 'replace' ? { file: preview.file, mode } : { file: preview.file, mode, target: target.trim() });
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

  const move = async () => {
    setBusy('move');
    setMoveError(null);
    const result = await call('data:move', { target: moveTarget.trim() });
    setBusy(null);
    if (!result.ok) {
      setMoveError(failureText(result.error));
      return;
    }
    setMoveOpen(false);
    message.success(t('backup.moved', result.value));
    await refreshAfter(client, 'data:move');
  };

  const location = data?.location;
  if (status.data && !status.data.ok && status.data.error.code === 'unavailable') return null;
  return (
    <Card size="small" title={t('backup.title')} style={{ marginBottom: 16 }} data-testid="backup-card">
      <Descriptions column={1} size="small" labelStyle={{ width: 140 }}>
        <Descriptions.Item label={t('backup.dataFolder')}>
          <Space wrap>
            <Typography.Text code copyable data-testid="backup-data-folder">
              {data?.dataDir}
            </Typography.Text>
            {location && (
              <Tag>
                {location.source === 'moved'
                  ? t('backup.locationMoved', { pointer: location.pointerFile ?? '' })
                  : location.source === 'environment'
                    ? t('backup.locationEnvironment')
                    : t('backup.locationDefault')}
              </Tag>
            )}
            <Button size="small" onClick={() => setMoveOpen(true)} data-testid="backup-move">
              {t('backup.moveTo')}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.folder')}>
          {folderDraft === null ? (
            <Space wrap>
              <Typography.Text code data-testid="backup-folder">
                {data?.folder}
              </Typography.Text>
              {data && data.folder === data.defaultFolder && <Tag>{t('backup.folderDefault')}</Tag>}
              <Button size="small" onClick={() => setFolderDraft(data?.folder ?? '')}>
                {t('backup.changeFolder')}
              </Button>
              {data && data.folder !== data.defaultFolder && (
                <Button size="small" onClick={() => void saveFolder(null)}>
                  {t('backup.useDefault')}
                </Button>
              )}
            </Space>
          ) : (
            <Space.Compact style={{ width: '100%' }}>
              <Input value={folderDraft} onChange={(event) => setFolderDraft(event.target.value)} placeholder={t('backup.folderPlaceholder')} aria-label={t('backup.folder')} />
              <Button type="primary" onClick={() => void saveFolder(folderDraft.trim() || null)}>
                {t('backup.save')}
              </Button>
            </Space.Compact>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.last')}>
          <Space wrap>
            <span data-testid="backup-last">
              {data?.last
                ? t('backup.lastValue', { at: new Date(data.last.at).toLocaleString(), size: sizeText(data.last.size), files: data.last.files })
                : t('backup.never')}
            </span>
            <Button type="primary" size="small" loading={busy === 'now' || data?.running} onClick={() => void backupNow()} data-testid="backup-now">
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
      <Typography.Paragraph type="secondary">{t('backup.auto')}</Typography.Paragraph>
      {transportName() === 'http' && <Typography.Paragraph type="secondary">{t('backup.browserNote')}</Typography.Paragraph>}

      <Typography.Title level={5}>{t('backup.restoreTitle')}</Typography.Title>
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <AutoComplete
          style={{ width: '100%' }}
          value={chosen}
          onChange={(value: string) => setChosen(value)}
          options={(data?.backups ?? []).map((item) => ({ value: item.file, label: `${new Date(item.at).toLocaleString()} · ${sizeText(item.size)} · ${item.name}` }))}
          placeholder={t('backup.chooseHint')}
          aria-label={t('backup.choose')}
          data-testid="backup-choose"
        />
        <Button onClick={() => void inspect()} disabled={!chosen.trim()} loading={busy === 'inspect'} data-testid="backup-inspect">
          {t('backup.inspect')}
        </Button>
      </Space.Compact>
      {previewError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={previewError} data-testid="backup-restore-error" />}
      {preview && (
        <div data-testid="backup-preview">
          <Typography.Text strong>{t('backup.preview')}</Typography.Text>
          <Descriptions column={2} size="small" bordered style={{ margin: '8px 0 12px' }}>
            <Descriptions.Item label={t('backup.createdAt')}>{new Date(preview.createdAt).toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('backup.reason')}>{t(`backup.reasons.${preview.reason}`, { defaultValue: preview.reason })}</Descriptions.Item>
            <Descriptions.Item label={t('backup.appVersion')}>{preview.appVersion}</Descriptions.Item>
            <Descriptions.Item label={t('backup.size')}>{sizeText(preview.size)}</Descriptions.Item>
            <Descriptions.Item label={t('backup.source')} span={2}>
              <Typography.Text code>{preview.source}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.people')} span={2}>
              {preview.summary.people.map((person) => (
                <Tag key={`${person.role}-${person.name}`} color={person.role === 'supervisor' ? 'gold' : 'blue'}>
                  {person.name} · {t(`roles.${person.role}`)} · {person.unit}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.documents')}>{t('backup.documentsValue', { count: preview.summary.documents })}</Descriptions.Item>
            <Descriptions.Item label={t('backup.reviewRecords')}>
              {t('backup.reviewRecordsValue', { records: preview.summary.reviewRecords, logs: preview.summary.reviewLogs })}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.byKind')}>
              {Object.entries(preview.summary.byKind).map(([kind, count]) => (
                <Tag key={kind}>
                  {t(`kinds.${kind}`)} {count}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.byStatus')}>
              {Object.entries(preview.summary.byStatus).map(([status, count]) => (
                <Tag key={status}>
                  {t(`statuses.${status}`)} {count}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.templates')}>{preview.summary.templates}</Descriptions.Item>
            <Descriptions.Item label={t('backup.keys')}>{preview.summary.keys}</Descriptions.Item>
          </Descriptions>
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
            <Button type="primary" danger={mode === 'replace'} loading={busy === 'restore'} disabled={mode === 'new-folder' && !target.trim()} onClick={() => void restore()} data-testid="backup-restore">
              {t('backup.restore')}
            </Button>
          </Space.Compact>
        </div>
      )}
      {restored && <Alert type="success" showIcon style={{ marginTop: 12 }} title={restored} data-testid="backup-restored" />}

      <Modal
        open={moveOpen}
        title={t('backup.moveTitle')}
        okText={t('backup.moveConfirm')}
        confirmLoading={busy === 'move'}
        okButtonProps={{ disabled: !moveTarget.trim() }}
        onOk={() => void move()}
        onCancel={() => setMoveOpen(false)}
      >
        <Typography.Paragraph>{t('backup.moveHint')}</Typography.Paragraph>
        <Input value={moveTarget} onChange={(event) => setMoveTarget(event.target.value)} placeholder={t('backup.movePlaceholder')} aria-label={t('backup.movePlaceholder')} data-testid="backup-move-target" />
        {moveError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={moveError} data-testid="backup-move-error" />}
      </Modal>
    </Card>
  );
}
