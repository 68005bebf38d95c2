import { ReceiveButton } from '../exchange/ReceiveButton';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ChannelInput } from '../../../electron/api/contract';
import { useChannel } from '../../api/hooks';
import { shortcutEvents } from '../../app/shortcuts';
import { useProfile } from '../profiles/session';
import { KindSelect, StatusSelect } from './FilterSelects';
import { documentKinds, reportStatuses } from './labels';
import { NewReportDialog } from './NewReportDialog';
import { ReportTable } from './ReportTable';
import { TodayLogButton } from './TodayLogButton';
import { useDebounced } from './useDebounced';

const kindValues: readonly string[] = documentKinds;
const statusValues: readonly string[] = reportStatuses;

/** The list's filters from the address: authorId, period, kind and status (unknown values ignored). */
function filterFromParams(params: URLSearchParams): ChannelInput<'reports:list'> {
  const filter: ChannelInput<'reports:list'> = {};
  const authorId = params.get('authorId')?.trim();
  const period = params.get('period')?.trim();
  const kind = params.get('kind');
  const status = params.get('status');
  if (authorId) filter.authorId = authorId.slice(0, 80);
  if (period) filter.period = period.slice(0, 20);
  if (kind && kindValues.includes(kind)) filter.kind = kind as ChannelInput<'reports:list'>['kind'];
  if (status && statusValues.includes(status)) filter.status = status as ChannelInput<'reports:list'>['status'];
  return filter;
}

/** 我的文稿: the caller's documents (all submitted ones for a supervisor), filtered and searchable. */
export function ReportsPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  // Filters may come in the address (统计 links here with ?authorId=…&period=…&kind=…).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<ChannelInput<'reports:list'>>(() => filterFromParams(params));
  const profiles = useChannel('profiles:list', {}, { enabled: !!filter.authorId });
  const authorName = profiles.data?.find((candidate) => candidate.id === filter.authorId)?.name;
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), 250);
  // The first screen of the list first, then the whole list: an office with 50,000 documents sees its newest
  // rows at once instead of after every summary has arrived and been parsed.
  const head = useChannel('reports:list', { ...filter, limit: 100 }, { enabled: !query });
  const list = useChannel('reports:list', filter, { enabled: !query && (head.isFetched || head.isError) });
  const search = useChannel('reports:search', { ...filter, query }, { enabled: !!query });

  useEffect(() => {
    const onNew = () => profile.role === 'manager' && setCreating(true);
    const onSearch = () => searchRef.current?.focus();
    window.addEventListener(shortcutEvents.newDocument, onNew);
    window.addEventListener(shortcutEvents.focusSearch, onSearch);
    return () => {
      window.removeEventListener(shortcutEvents.newDocument, onNew);
      window.removeEventListener(shortcutEvents.focusSearch, onSearch);
    };
  }, [profile.role]);

  const snippets = useMemo(() => new Map((search.data ?? []).map((hit) => [hit.summary.id, hit.snippet])), [search.data]);
  const rows = useMemo(
    () => (query ? (search.data ?? []).map((hit) => hit.summary) : (list.data ?? head.data ?? [])),
    [query, search.data, list.data, head.data],
  );

  const update = (patch: Partial<ChannelInput<'reports:list'>>) =>
    setFilter((current) => Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, value]) => value)));

  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{profile.role === 'manager' ? t('reports.title') : t('reports.titleSupervisor')}</h2>
        {profile.role !== 'manager' && <ReceiveButton />}
        {profile.role === 'manager' && (
          <Space>
            <ReceiveButton />
            <TodayLogButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} title="Ctrl+N">
              {t('reports.newDocument')}
            </Button>
          </Space>
        )}
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          ref={(element) => {
            searchRef.current = element?.input ?? null;
          }}
          allowClear
          prefix={<SearchOutlined />}
          placeholder={`${t('common.search')}（Ctrl+K）`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 240 }}
          aria-label={t('common.search')}
        />
        <KindSelect value={filter.kind} onChange={(kind) => update({ kind })} />
        <StatusSelect value={filter.status} onChange={(status) => update({ status })} />
        <Input
          allowClear
          placeholder={t('reports.filterPeriod')}
          style={{ width: 170 }}
          value={filter.period}
          onChange={(event) => update({ period: event.target.value.trim() })}
          aria-label={t('reports.columnPeriod')}
        />
        <Input
          allowClear
          placeholder={t('reports.filterRetailer')}
          style={{ width: 140 }}
          value={filter.retailer}
          onChange={(event) => update({ retailer: event.target.value.trim() })}
          aria-label={t('reports.filterRetailer')}
        />
        {filter.authorId && (
          <Tag closable onClose={() => update({ authorId: undefined })} data-testid="author-filter">
            {t('reports.columnAuthor')}：{authorName ?? filter.authorId}
          </Tag>
        )}
        <Typography.Text type="secondary" data-testid="report-count">
          {query || list.data ? t('reports.count', { count: rows.length }) : t('app.loading')}
        </Typography.Text>
      </Space>
      {list.isSuccess && rows.length === 0 && !text && Object.keys(filter).length === 0 ? (
        <Empty
          description={
            <>
              <div>{t('reports.empty')}</div>
              <Typography.Text type="secondary">
                {profile.role === 'manager' ? t('reports.emptyManager') : t('reports.emptySupervisor')}
              </Typography.Text>
            </>
          }
        />
      ) : (
        <ReportTable rows={rows} loading={(list.isLoading && !head.data) || search.isLoading} snippets={query ? snippets : undefined} />
      )}
      {creating && <NewReportDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
