import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './useAutosave';

/** Saved / saving / failed, always visible while writing. */
export function SaveIndicator({ state, error, savedAt }: { state: SaveState; error: string | null; savedAt: Date | null }) {
  const { t } = useTranslation();
  const view: Record<SaveState, { color: string; icon: React.ReactNode; text: string }> = {
    saved: { color: 'success', icon: <CheckCircleOutlined />, text: savedAt ? t('editor.savedAt', { time: dayjs(savedAt).format('HH:mm:ss') }) : t('editor.saved') },
    dirty: { color: 'default', icon: <EditOutlined />, text: t('editor.unsaved') },
    saving: { color: 'processing', icon: <LoadingOutlined />, text: t('editor.saving') },
    failed: { color: 'error', icon: <CloseCircleOutlined />, text: t('editor.saveFailed') },
    conflict: { color: 'warning', icon: <ExclamationCircleOutlined />, text: t('editor.conflict') },
  };
  const current = view[state];
  return (
    <Tooltip title={error ?? undefined}>
      <Tag color={current.color} icon={current.icon} data-testid="save-state" data-state={state}>
        {current.text}
      </Tag>
    </Tooltip>
  );
}
