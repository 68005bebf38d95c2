import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/api/contract';
import type { Result } from '../../../electron/api/result';
import { call } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { deliverPackage } from './files';

type Exported = ChannelOutput<'exchange:export-submissions'>;

function ExportedNote({ exported, savedTo }: { exported: Exported; savedTo: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="exchange-exported"
      title={t('exchange.exported', { file: exported.fileName, count: exported.summary.documents.length, records: exported.summary.records })}
      description={
        <>
          {exported.summary.documents.map((document) => (
            <div key={document.id}>
              {document.title} <Typography.Text type="secondary">{document.revisions.map((revision) => t('exchange.revisionShort', { revision })).join('、')}</Typography.Text>
            </div>
          ))}
          {savedTo && <div>{t('exchange.exportedSaved', { path: savedTo })}</div>}
        </>
      }
    />
  );
}

/**
 * Run an export channel and hand the file over. Failures (e.g. nothing new since the last export) are shown
 * inline, where the user is looking, not as an error notification.
 */
function usePackageExport() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ exported: Exported; savedTo: string | null } | null>(null);
  const run = async (produce: () => Promise<Result<Exported>>) => {
    setPending(true);
    setError(null);
    setResult(null);
    try {
      const exported = await produce();
      if (!exported.ok) return setError(exported.error.message);
      const delivered = await deliverPackage(exported.value);
      if (!delivered.ok) return setError(`${t('errors.callFailed')}：${delivered.error.message}`);
      if (delivered.value.kind !== 'not-saved') setResult({ exported: exported.value, savedTo: delivered.value.kind === 'saved' ? delivered.value.path : null });
    } finally {
      setPending(false);
    }
  };
  const feedback = (
    <>
      {error && <Alert type="info" showIcon style={{ marginTop: 12 }} title={error} data-testid="exchange-export-error" />}
      {result && <ExportedNote exported={result.exported} savedTo={result.savedTo} />}
    </>
  );
  return { run, pending, feedback };
}

/** A manager: submitted documents to the supervisor — everything new since last time, or chosen ones. */
function SubmissionsExport() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [mode, setMode] = useState<'since-last' | 'chosen'>('since-last');
  const [selected, setSelected] = useState<string[]>([]);
  const [supervisor, setSupervisor] = useState<string | undefined>();
  const documents = useChannel('reports:list', { authorId: profile.id });
  const trusted = useChannel('exchange:trusted', {});
  const { run: runExport, pending, feedback } = usePackageExport();
  const submitted = (documents.data ?? []).filter((summary) => summary.status !== 'draft');
  const supervisors = (trusted.data ?? []).filter((entry) => entry.role === 'supervisor');

  const run = () =>
    void runExport(() =>
      call('exchange:export-submissions', { ...(mode === 'since-last' ? { sinceLast: true } : { ids: selected }), ...(supervisor ? { toSupervisor: supervisor } : {}) }),
    );

  return (
    <>
      <Typography.Paragraph type="secondary">{t('exchange.exportSubmissionsHint')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ display: 'flex' }}>
        <Space wrap>
          <Radio.Group value={mode} onChange={(event) => setMode(event.target.value)} data-testid="export-mode">
            <Radio value="since-last">{t('exchange.sinceLast')}</Radio>
            <Radio value="chosen">{t('exchange.chooseDocuments')}</Radio>
          </Radio.Group>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('exchange.anySupervisor')}
            value={supervisor}
            onChange={setSupervisor}
            aria-label={t('exchange.toSupervisor')}
            options={supervisors.map((entry) => ({ value: entry.profileId, label: `${t('exchange.toSupervisor')} ${entry.name}` }))}
          />
        </Space>
        {mode === 'chosen' && (
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 6, hideOnSinglePage: true }}
            dataSource={submitted}
            locale={{ emptyText: t('exchange.noSubmitted') }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
            columns={[
              { title: t('exchange.columnDocument'), dataIndex: 'title' },
              { title: t('reports.columnPeriod'), dataIndex: 'period', width: 120 },
              { title: t('reports.columnStatus'), dataIndex: 'status', width: 90, render: (status: string) => <Tag>{t(`statuses.${status}`)}</Tag> },
            ]}
          />
        )}
        <Space>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={pending}
            disabled={mode === 'chosen' && selected.length === 0}
            onClick={run}
            data-testid="export-submissions"
          >
            {t('exchange.exportSubmissions')}
          </Button>
          {mode === 'chosen' && <Typography.Text type="secondary">{t('exchange.selectedCount', { count: selected.length })}</Typography.Text>}
        </Space>
      </Space>
      {feedback}
    </>
  );
}

/** A supervisor: reviews back to one manager, or to all. */
function ReviewsExport() {
  const { t } = useTranslation();
  const [manager, setManager] = useState<string | undefined>();
  const roster = useChannel('exchange:roster', {});
  const { run: runExport, pending, feedback } = usePackageExport();
  const run = () => void runExport(() => call('exchange:export-reviews', manager ? { managerId: manager } : {}));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('exchange.exportReviewsHint')}</Typography.Paragraph>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('exchange.allManagers')}
          value={manager}
          onChange={setManager}
          aria-label={t('exchange.forManager')}
          options={(roster.data ?? []).map((entry) => ({ value: entry.id, label: `${entry.name}（${entry.unit}）` }))}
          data-testid="export-manager"
        />
        <Button type="primary" icon={<DownloadOutlined />} loading={pending} onClick={run} data-testid="export-reviews">
          {t('exchange.exportReviews')}
        </Button>
      </Space>
      {feedback}
    </>
  );
}

/** 导出: a manager sends submissions, a supervisor sends reviews. */
export function ExportPanel() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <Card size="small" title={t('exchange.exportTitle')} style={{ marginBottom: 16 }} data-testid="exchange-export">
      {profile.role === 'manager' ? <SubmissionsExport /> : <ReviewsExport />}
    </Card>
  );
}
