import { App as AntApp, Alert, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { useFailureText } from './useFailureText';

/** 移动到…: copy the data folder to a new place, verify every file and switch to it (the old folder is kept). */
export function MoveDataDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const failureText = useFailureText();
  const [moving, setMoving] = useState(false);
  const [moveTarget, setMoveTarget] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);

  const move = async () => {
    setMoving(true);
    setMoveError(null);
    const result = await call('data:move', { target: moveTarget.trim() });
    setMoving(false);
    if (!result.ok) {
      setMoveError(failureText(result.error));
      return;
    }
    onClose();
    message.success(t('backup.moved', result.value));
    await refreshAfter(client, 'data:move');
  };

  return (
    <Modal
      open={open}
      title={t('backup.moveTitle')}
      okText={t('backup.moveConfirm')}
      confirmLoading={moving}
      okButtonProps={{ disabled: !moveTarget.trim() }}
      onOk={() => void move()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('backup.moveHint')}</Typography.Paragraph>
      <Input value={moveTarget} onChange={(event) => setMoveTarget(event.target.value)} placeholder={t('backup.movePlaceholder')} aria-label={t('backup.movePlaceholder')} data-testid="backup-move-target" />
      {moveError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={moveError} data-testid="backup-move-error" />}
    </Modal>
  );
}
