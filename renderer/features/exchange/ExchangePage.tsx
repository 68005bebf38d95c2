import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChannel } from '../../api/hooks';
import { ExportPanel } from './ExportPanel';
import { IdentityCard } from './IdentityCard';
import { ImportPanel } from './ImportPanel';

/** The caller's imports: when, which file, from whom (with fingerprint), what it brought, conflicts kept. */
function ImportLog() {
  const { t } = useTranslation();
  const log = useChannel('exchange:log', {});
  return (
    <Card size="small" title={t('exchange.logTitle')} data-testid="exchange-log">
      {log.data?.pending && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('exchange.pending', { file: log.data.pending.fileName })} />}
      {log.data?.entries.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          dataSource={log.data.entries}
          columns={[
            { title: t('exchange.logAt'), dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString() },
            { title: t('exchange.logFile'), dataIndex: 'fileName', ellipsis: true },
            {
              title: t('exchange.logSender'),
              key: 'sender',
              width: 280,
              render: (_, entry) => (
                <span>
                  {entry.sender.name} <Typography.Text type="secondary" code>{entry.sender.fingerprint}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('exchange.logChanges'),
              key: 'changes',
              width: 280,
              render: (_, entry) => (
                <span>
                  {t('exchange.logChangesValue', entry)}{' '}
                  {entry.conflicts.length > 0 && (
                    <Tag color="red" title={entry.conflicts.map((conflict) => conflict.message).join('\n')}>
                      {t('exchange.logConflicts', { count: entry.conflicts.length })}
                    </Tag>
                  )}
                </span>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.logEmpty')} />
      )}
    </Card>
  );
}

/** 交换包: send submissions or reviews as signed files, receive and merge them (below 导出). */
export function ExchangePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="rd-page" style={{ maxWidth: 1100 }}>
      <div className="rd-page-header">
        <h2>{t('exchange.title')}</h2>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/export')}>
          {t('exchange.backToExport')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.intro')}</Typography.Paragraph>
      <ImportPanel />
      <ExportPanel />
      <ImportLog />
      <div style={{ marginTop: 16 }}>
        <IdentityCard />
      </div>
    </div>
  );
}
