import { ReceiveButton } from '../exchange/ReceiveButton';
import { formatOfficeTime, useOfficeOffset } from '../reports/office-time';
import { Badge, DatePicker, Empty, Input, List, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../electron/api/contract';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { KindSelect, StatusSelect } from '../reports/FilterSelects';
import { ReportTable } from '../reports/ReportTable';
import { CopyTag } from '../insight/CopyCheck';

type InboxFilter = ChannelInput<'review:inbox'>;

function Filters({ filter, onChange, withStatus }: { filter: InboxFilter; onChange: (next: InboxFilter) => void; withStatus: boolean }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const profiles = useChannel('profiles:list', {}, { enabled: profile.role !== 'supervisor' });
  // A supervisor's roster includes managers on other machines, met through exchange packages.
  const roster = useChannel('exchange:roster', {}, { enabled: profile.role === 'supervisor' });
  const managers =
    profile.role === 'supervisor'
      ? (roster.data ?? []).map((entry) => ({ value: entry.id, label: entry.name }))
      : (profiles.data ?? []).filter((item) => item.role === 'manager').map((item) => ({ value: item.id, label: item.name }));
  const settings = useChannel('settings:get', {});
  const update = (patch: Partial<InboxFilter>) =>
    onChange(Object.fromEntries(Object.entries({ ...filter, ...patch }).filter(([, value]) => value !== undefined && value !== '' && value !== false)));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('inbox.manager')}
        style={{ width: 140 }}
        value={filter.authorId}
        onChange={(authorId) => update({ authorId })}
        aria-label={t('inbox.manager')}
        options={managers}
      />
      <KindSelect value={filter.kind} onChange={(kind) => update({ kind })} />
      {withStatus && (
        <StatusSelect value={filter.status} onChange={(status) => update({ status })} submittedOnly />
      )}
      <Input
        allowClear
        placeholder={t('reports.filterPeriod')}
        style={{ width: 170 }}
        value={filter.period}
        onChange={(event) => update({ period: event.target.value.trim() })}
        aria-label={t('reports.columnPeriod')}
      />
      <Select
        allowClear
        placeholder={t('review.grade')}
        style={{ width: 120 }}
        value={filter.grade}
        onChange={(grade) => update({ grade })}
        aria-label={t('review.grade')}
        options={(settings.data?.gradeScale ?? []).map((grade) => ({ value: grade.label, label: grade.label }))}
      />
      <Space style={{ marginInlineEnd: 16 }}>
        <Switch size="small" checked={!!filter.unreadOnly} onChange={(unreadOnly) => update({ unreadOnly })} aria-label={t('inbox.unreadOnly')} />
        {t('inbox.unreadOnly')}
      </Space>
    </Space>
  );
}

function InboxList({ filter }: { filter: InboxFilter }) {
  const { t } = useTranslation();
  const inbox = useChannel('review:inbox', filter);
  const rows = useMemo(() => (inbox.data?.entries ?? []).map((entry) => entry.summary), [inbox.data]);
  const unread = useMemo(() => new Set((inbox.data?.entries ?? []).filter((entry) => entry.unread).map((entry) => entry.summary.id)), [inbox.data]);
  // 疑似雷同: documents whose copy check reaches the threshold in 设置 (supervisors only get scores), in a column of its own.
  const copyTags = useMemo(
    () =>
      new Map(
        (inbox.data?.entries ?? []).filter((entry) => entry.copy?.flagged).map((entry) => [entry.summary.id, <CopyTag key="copy" score={entry.copy!.score} />]),
      ),
    [inbox.data],
  );
  return (
    <>
      <Typography.Text type="secondary" data-testid="inbox-count">
        {t('reports.count', { count: rows.length })} · {t('inbox.unreadCount', { count: unread.size })}
      </Typography.Text>
      {inbox.isSuccess && rows.length === 0 ? <Empty description={t('inbox.empty')} /> : <ReportTable rows={rows} unread={unread} loading={inbox.isLoading} showReview titleTags={copyTags} />}
    </>
  );
}

function NotSubmitted() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(dayjs().format('YYYY-MM-DD'));
  const missing = useChannel('review:not-submitted', { period });
  const offset = useOfficeOffset();
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        {t('inbox.period')}
        <DatePicker value={dayjs(period)} allowClear={false} onChange={(value) => value && setPeriod(value.format('YYYY-MM-DD'))} aria-label={t('inbox.period')} />
        <Typography.Text type="secondary">{t('inbox.notSubmittedHint')}</Typography.Text>
      </Space>
      <List
        bordered
        loading={missing.isLoading}
        dataSource={missing.data ?? []}
        renderItem={(item) => (
          <List.Item key={item.templateId} data-testid={`not-submitted-${item.templateId}`}>
            <List.Item.Meta
              title={
                <Space>
                  {item.templateName}
                  <Tag>{item.period}</Tag>
                  {item.state === 'day-off' ? (
                    <Tag>{t('officeCalendar.dayOff')}</Tag>
                  ) : item.state === 'not-due' ? (
                    <Tag color="blue">{t('officeCalendar.notDue', { time: formatOfficeTime(item.dueAt ?? '', offset) })}</Tag>
                  ) : item.missing.length === 0 ? (
                    <Tag color="green">{t('inbox.allSubmitted')}</Tag>
                  ) : (
                    <Tag color="red">{t('inbox.missingCount', { count: item.missing.length })}</Tag>
                  )}
                </Space>
              }
              description={item.missing.map((manager) => `${manager.name}（${manager.unit}）`).join('、') || t('common.none')}
            />
          </List.Item>
        )}
      />
    </div>
  );
}

/** 待审阅: for a supervisor, submitted documents with read/unread, filters and counts, and who has not submitted; for a manager, their documents with review activity. */
export function InboxPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const supervisor = profile.role === 'supervisor';
  const [pending, setPending] = useState<InboxFilter>({});
  const [all, setAll] = useState<InboxFilter>({});
  const [mine, setMine] = useState<InboxFilter>({});
  const counts = useChannel('review:inbox', { status: 'submitted' }, { enabled: supervisor });

  if (!supervisor) {
    return (
      <div className="rd-page">
        <div className="rd-page-header">
          <h2>{t('inbox.managerTitle')}</h2>
          <ReceiveButton />
        </div>
        <Filters filter={mine} onChange={setMine} withStatus />
        <InboxList filter={mine} />
      </div>
    );
  }
  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{t('inbox.title')}</h2>
        <ReceiveButton />
      </div>
      <Tabs
        items={[
          {
            key: 'pending',
            label: (
              <Space>
                {t('inbox.pending')}
                <Badge count={counts.data?.counts.submitted ?? 0} showZero color="#1f5fa8" />
              </Space>
            ),
            children: (
              <>
                <Filters filter={pending} onChange={setPending} withStatus={false} />
                <InboxList filter={{ ...pending, status: 'submitted' }} />
              </>
            ),
          },
          {
            key: 'all',
            label: t('inbox.allReviewed'),
            children: (
              <>
                <Filters filter={all} onChange={setAll} withStatus />
                <InboxList filter={{ ...all, includeAll: true }} />
              </>
            ),
          },
          { key: 'missing', label: t('inbox.notSubmitted'), children: <NotSubmitted /> },
        ]}
      />
    </div>
  );
}
