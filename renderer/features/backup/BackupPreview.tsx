import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sizeText, type BackupPreviewView } from './backup-format';

/** What a backup file holds, checked completely before anything is restored. */
export function BackupPreview({ preview }: { preview: BackupPreviewView }) {
  const { t } = useTranslation();
  const { summary } = preview;
  return (
    <Descriptions column={2} size="small" bordered style={{ margin: '8px 0 12px' }}>
      <Descriptions.Item label={t('backup.createdAt')}>{new Date(preview.createdAt).toLocaleString()}</Descriptions.Item>
      <Descriptions.Item label={t('backup.reason')}>{t(`backup.reasons.${preview.reason}`, { defaultValue: preview.reason })}</Descriptions.Item>
      <Descriptions.Item label={t('backup.appVersion')}>{preview.appVersion}</Descriptions.Item>
      <Descriptions.Item label={t('backup.size')}>{sizeText(preview.size)}</Descriptions.Item>
      <Descriptions.Item label={t('backup.source')} span={2}>
        <Typography.Text code>{preview.source}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('backup.people')} span={2}>
        {summary.people.map((person) => (
          <Tag key={`${person.role}-${person.name}`} color={person.role === 'supervisor' ? 'gold' : 'blue'}>
            {person.name} · {t(`roles.${person.role}`)} · {person.unit}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('backup.documents')}>{t('backup.documentsValue', { count: summary.documents })}</Descriptions.Item>
      <Descriptions.Item label={t('backup.reviewRecords')}>{t('backup.reviewRecordsValue', { records: summary.reviewRecords, logs: summary.reviewLogs })}</Descriptions.Item>
      <Descriptions.Item label={t('backup.byKind')}>
        {Object.entries(summary.byKind).map(([kind, count]) => (
          <Tag key={kind}>
            {t(`kinds.${kind}`)} {count}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('backup.byStatus')}>
        {Object.entries(summary.byStatus).map(([status, count]) => (
          <Tag key={status}>
            {t(`statuses.${status}`)} {count}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('backup.templates')}>{summary.templates}</Descriptions.Item>
      <Descriptions.Item label={t('backup.keys')}>{summary.keys}</Descriptions.Item>
    </Descriptions>
  );
}
