import { FileExcelOutlined, FileWordOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../electron/api/contract';
import type { ReportSummary } from '../../../electron/core/common/schemas/report';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { KindSelect, StatusSelect } from '../reports/FilterSelects';
import { formatPeriod, statusColors } from '../reports/labels';
import { useExportJob, type ExportRequest } from './useExportJob';
import { ExchangeLink } from '../exchange/IdentityCard';

type Filter = ChannelInput<'reports:list'>;

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== '')) as T;
}

/** Kind, status and period filters shared by the document picker and the 台账 form. */
function FilterBar({ filter, onChange, children }: { filter: Filter; onChange: (filter: Filter) => void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filter>) => onChange(compact({ ...filter, ...patch }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <KindSelect value={filter.kind} onChange={(kind) => set({ kind })} />
      <StatusSelect value={filter.status} onChange={(status) => set({ status })} />
      <Input
        allowClear
        placeholder={t('exportPage.periodPlaceholder')}
        style={{ width: 160 }}
        value={filter.period}
        onChange={(event) => set({ period: event.target.value.trim() })}
        aria-label={t('exportPage.period')}
      />
      {children}
    </Space>
  );
}

function summaryColumns(t: (key: string, options?: Record<string, unknown>) => string) {
  return [
    { title: t('reports.columnTitle'), dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t('reports.columnKind'), dataIndex: 'kind', key: 'kind', width: 120, render: (kind: string) => t(`kinds.${kind}`) },
    { title: t('reports.columnPeriod'), dataIndex: 'period', key: 'period', width: 130, render: (period: string) => formatPeriod(period) },
    { title: t('reports.columnAuthor'), dataIndex: 'authorName', key: 'author', width: 90 },
    {
      title: t('reports.columnStatus'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: ReportSummary['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    {
      title: t('review.grade'),
      key: 'grade',
      width: 170,
      render: (_: unknown, row: ReportSummary) => (
        <>
          {row.grade && <Tag color="purple">{row.grade}</Tag>}
          {row.meetingFlag && row.meetingFlag !== 'none' && (
            <Tag color={row.meetingFlag === 'praise' ? 'gold' : 'volcano'}>{t(`review.meeting.${row.meetingFlag}`)}</Tag>
          )}
        </>
      ),
    },
  ];
}

/** One document: pick it from a filtered list, then Word 公文 / Word 普通 / Excel. */
function DocumentsTab({ run, busy }: { run: (request: ExportRequest, title: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<ReportSummary | null>(null);
  const [includeComments, setIncludeComments] = useState(true);
  const [includeAppendix, setIncludeAppendix] = useState(true);
  const list = useChannel('reports:list', filter);
  const rows = useMemo(() => {
    const query = text.trim();
    return (list.data ?? []).filter((row) => !query || row.title.includes(query) || row.authorName.includes(query) || (row.retailer ?? '').includes(query));
  }, [list.data, text]);

  const exportAs = (kind: 'official' | 'plain' | 'excel') => {
    if (!selected) return;
    const request: ExportRequest =
      kind === 'excel'
        ? { kind: 'excel', id: selected.id }
        : { kind: 'word', id: selected.id, layout: kind, includeComments, includeReviewAppendix: includeAppendix };
    void run(request, selected.title);
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('exportPage.documentsHint')}</Typography.Paragraph>
      <FilterBar filter={filter} onChange={setFilter}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('exportPage.searchPlaceholder')}
          style={{ width: 220 }}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={t('common.search')}
        />
      </FilterBar>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap align="center">
          <Typography.Text strong data-testid="export-selected">
            {selected ? t('exportPage.selected', { title: selected.title }) : t('exportPage.selectDocument')}
          </Typography.Text>
          <Button type="primary" icon={<FileWordOutlined />} disabled={!selected || busy} onClick={() => exportAs('official')} data-testid="export-official">
            {t('exportPage.wordOfficial')}
          </Button>
          <Button icon={<FileWordOutlined />} disabled={!selected || busy} onClick={() => exportAs('plain')} data-testid="export-plain">
            {t('exportPage.wordPlain')}
          </Button>
          <Button icon={<FileExcelOutlined />} disabled={!selected || busy} onClick={() => exportAs('excel')} data-testid="export-excel">
            {t('exportPage.excel')}
          </Button>
          <Checkbox checked={includeComments} onChange={(event) => setIncludeComments(event.target.checked)}>
            {t('exportPage.includeComments')}
          </Checkbox>
          <Checkbox checked={includeAppendix} onChange={(event) => setIncludeAppendix(event.target.checked)}>
            {t('exportPage.includeAppendix')}
          </Checkbox>
        </Space>
      </Card>
      <Table<ReportSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected.id] : [],
          onChange: (_, picked) => setSelected(picked[0] ?? null),
        }}
        onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
        columns={summaryColumns(t)}
      />
    </>
  );
}

/** The 台账 for a filter (period, kind, manager, status). */
function RegisterTab({ run, busy }: { run: (request: ExportRequest, title: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const [filter, setFilter] = useState<Filter>({});
  const settings = useChannel('settings:get', {});
  const profiles = useChannel('profiles:list', {}, { enabled: profile.role === 'supervisor' });
  const managers = (profiles.data ?? []).filter((item) => item.role === 'manager');
  const count = useChannel('reports:list', filter);
  const rule = settings.data?.onTimeRule;

  const exportRegister = () => {
    const request: ExportRequest = compact({
      kind: 'register' as const,
      period: filter.period,
      documentKind: filter.kind,
      status: filter.status,
      authorId: filter.authorId,
    });
    void run(request, t('exportPage.registerTitle', { period: filter.period ? formatPeriod(filter.period) : t('common.all') }));
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('exportPage.registerHint')}</Typography.Paragraph>
      <FilterBar filter={filter} onChange={setFilter}>
        {profile.role === 'supervisor' && (
          <Select
            allowClear
            placeholder={t('exportPage.allManagers')}
            style={{ width: 150 }}
            value={filter.authorId}
            onChange={(authorId) => setFilter(compact({ ...filter, authorId }))}
            options={managers.map((manager) => ({ value: manager.id, label: manager.name }))}
            aria-label={t('exportPage.manager')}
          />
        )}
      </FilterBar>
      <Space direction="vertical" style={{ display: 'flex' }}>
        <Space align="center">
          <Button type="primary" icon={<FileExcelOutlined />} disabled={busy} onClick={exportRegister} data-testid="export-register">
            {t('exportPage.exportRegister')}
          </Button>
          <Typography.Text type="secondary" data-testid="register-count">
            {t('exportPage.registerCount', { count: count.data?.length ?? 0 })}
          </Typography.Text>
        </Space>
        {rule && (
          <Alert
            type="info"
            showIcon
            message={t('exportPage.onTimeRule', { graceDays: rule.dailyGraceDays, dueDay: rule.monthlyDueDay })}
          />
        )}
      </Space>
    </>
  );
}

function lastMonth(): string {
  return dayjs().subtract(1, 'month').format('YYYY-MM');
}

/** The meeting pack: the preset (flagged documents of a period) or a picked selection, with the meeting's details. */
function MeetingTab({ run, busy }: { run: (request: ExportRequest, title: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const settings = useChannel('settings:get', {});
  const [period, setPeriod] = useState(lastMonth);
  const [flags, setFlags] = useState<('praise' | 'critique')[]>(['praise', 'critique']);
  const [selection, setSelection] = useState<string[]>([]);
  const [meetingName, setMeetingName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [meetingDate, setMeetingDate] = useState<Dayjs>(() => dayjs());
  const [organiser, setOrganiser] = useState<string | null>(null);
  const list = useChannel('reports:list', period.trim() ? { period: period.trim() } : {});
  const rows = useMemo(() => (list.data ?? []).filter((row) => row.status !== 'draft'), [list.data]);

  // The preset: every document of the period flagged with one of the chosen meeting flags.
  useEffect(() => {
    setSelection(rows.filter((row) => row.meetingFlag && (flags as string[]).includes(row.meetingFlag)).map((row) => row.id));
  }, [rows, flags]);
  useEffect(() => {
    if (!nameTouched) setMeetingName(t('exportPage.meetingNameDefault', { period: period.trim() ? formatPeriod(period.trim()) : '' }));
  }, [period, nameTouched, t]);
  const organiserValue = organiser ?? settings.data?.officeName ?? '';

  const exportPack = (layout: 'official' | 'plain' | 'excel') => {
    void run(
      {
        kind: 'meeting-pack',
        ids: selection,
        ...(period.trim() ? { period: period.trim() } : {}),
        meetingName: meetingName.trim(),
        meetingDate: meetingDate.format('YYYY-MM-DD'),
        organiser: organiserValue.trim(),
        layout,
      },
      meetingName.trim(),
    );
  };
  const ready = selection.length > 0 && meetingName.trim() !== '' && !busy;

  return (
    <>
      <Typography.Paragraph type="secondary">{t('exportPage.meetingHint')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('exportPage.period')}>
          <Input
            value={period}
            placeholder={t('exportPage.periodPlaceholder')}
            onChange={(event) => setPeriod(event.target.value)}
            style={{ width: 130 }}
            aria-label={t('exportPage.meetingPeriod')}
          />
        </Form.Item>
        <Form.Item label={t('exportPage.preset')}>
          <Checkbox.Group
            value={flags}
            onChange={(values) => setFlags(values as ('praise' | 'critique')[])}
            options={[
              { value: 'praise', label: t('review.meeting.praise') },
              { value: 'critique', label: t('review.meeting.critique') },
            ]}
          />
        </Form.Item>
      </Form>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('exportPage.meetingName')} required>
          <Input
            value={meetingName}
            maxLength={60}
            onChange={(event) => {
              setNameTouched(true);
              setMeetingName(event.target.value);
            }}
            style={{ width: 220 }}
            aria-label={t('exportPage.meetingName')}
          />
        </Form.Item>
        <Form.Item label={t('exportPage.meetingDate')}>
          <DatePicker value={meetingDate} allowClear={false} onChange={(value) => value && setMeetingDate(value)} aria-label={t('exportPage.meetingDate')} />
        </Form.Item>
        <Form.Item label={t('exportPage.organiser')}>
          <Input value={organiserValue} maxLength={60} onChange={(event) => setOrganiser(event.target.value)} style={{ width: 220 }} aria-label={t('exportPage.organiser')} />
        </Form.Item>
      </Form>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap align="center">
          <Typography.Text strong data-testid="meeting-selected">
            {t('exportPage.selectedCount', { count: selection.length })}
          </Typography.Text>
          <Button type="primary" icon={<FileWordOutlined />} disabled={!ready} onClick={() => exportPack('official')} data-testid="meeting-official">
            {t('exportPage.wordOfficial')}
          </Button>
          <Button icon={<FileWordOutlined />} disabled={!ready} onClick={() => exportPack('plain')} data-testid="meeting-plain">
            {t('exportPage.wordPlain')}
          </Button>
          <Button icon={<FileExcelOutlined />} disabled={!ready} onClick={() => exportPack('excel')} data-testid="meeting-excel">
            {t('exportPage.excelSummary')}
          </Button>
          {selection.length === 0 && <Typography.Text type="secondary">{t('exportPage.noneSelected')}</Typography.Text>}
        </Space>
      </Card>
      <Table<ReportSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selection, onChange: (keys) => setSelection(keys as string[]) }}
        columns={summaryColumns(t)}
      />
    </>
  );
}

/** 导出: a document to Word or Excel, the 台账, and the meeting pack; long exports show progress and can be cancelled. */
export function ExportPage() {
  const { t } = useTranslation();
  const { run, busy, element } = useExportJob();
  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{t('exportPage.title')}</h2>
        <ExchangeLink />
      </div>
      <Tabs
        items={[
          { key: 'documents', label: t('exportPage.tabDocuments'), children: <DocumentsTab run={run} busy={busy} /> },
          { key: 'register', label: t('exportPage.tabRegister'), children: <RegisterTab run={run} busy={busy} /> },
          { key: 'meeting', label: t('exportPage.tabMeeting'), children: <MeetingTab run={run} busy={busy} /> },
        ]}
      />
      {element}
    </div>
  );
}
