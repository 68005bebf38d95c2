import { CopyOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { diffChars } from 'diff';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/api/contract';
import { useChannel } from '../../api/hooks';
import { formatPeriod } from '../reports/labels';

type CopyView = ChannelOutput<'insight:copy-check'>;
type CopyMatch = CopyView['result']['matches'][number];

export const copyCategoryColors: Record<CopyMatch['category'], string> = { peer: '#f5222d', own: '#fa8c16', guidance: '#722ed1' };

/** A share as the UI prints it: 76% (whole percent; 0–1 in). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** 疑似雷同 in a list: the tag a supervisor sees beside a document whose copy score reaches the threshold. */
export function CopyTag({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<CopyOutlined />} data-testid="copy-flag" title={t('insight.copyTagHint')}>
      {t('insight.copyTag', { percent: percent(score) })}
    </Tag>
  );
}

/** Characters shared with the other side marked, the rest plain: what was kept of a copied sentence. */
function Shared({ text, other, side }: { text: string; other: string; side: 'passage' | 'source' }) {
  const parts = diffChars(side === 'passage' ? other : text, side === 'passage' ? text : other);
  return (
    <span>
      {parts
        .filter((part) => (side === 'passage' ? !part.removed : !part.added))
        .map((part, index) =>
          part.added || part.removed ? (
            <span key={index} className="rd-copy-changed">
              {part.value}
            </span>
          ) : (
            <mark key={index} className="rd-copy-same">
              {part.value}
            </mark>
          ),
        )}
    </span>
  );
}

/** The checked document's analysis text with each matched passage highlighted and numbered. */
function HighlightedText({ view }: { view: CopyView }) {
  const { t } = useTranslation();
  const numbered = view.result.matches.map((match, index) => ({ match, number: index + 1 }));
  return (
    <div className="rd-copy-text" data-testid="copy-document-text">
      {view.result.sections.map((section) => {
        const marks = numbered.filter(({ match }) => match.passage.sectionId === section.sectionId).sort((a, b) => a.match.passage.start - b.match.passage.start);
        const pieces: React.ReactNode[] = [];
        let at = 0;
        for (const { match, number } of marks) {
          if (match.passage.start < at) continue;
          pieces.push(section.text.slice(at, match.passage.start));
          pieces.push(
            <mark
              key={number}
              className="rd-copy-passage"
              style={{ borderBottomColor: copyCategoryColors[match.category] }}
              data-testid="copy-highlight"
              title={t(`insight.categories.${match.category}`)}
            >
              <sup>{number}</sup>
              {section.text.slice(match.passage.start, match.passage.end)}
            </mark>,
          );
          at = match.passage.end;
        }
        pieces.push(section.text.slice(at));
        return (
          <div key={section.sectionId} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{section.title}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{section.text ? pieces : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}</div>
          </div>
        );
      })}
    </div>
  );
}

/** 雷同检测 side by side: the analysis with matched passages highlighted, and each passage beside its source. */
export function CopyCheckDialog({ view, title, onClose }: { view: CopyView; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { result } = view;
  const rows = result.matches.map((match, index) => ({ ...match, key: index, number: index + 1 }));
  return (
    <Modal open width={1180} title={t('insight.copyDialogTitle', { title })} footer={null} onCancel={onClose} className="rd-copy-dialog">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="copy-dialog-score">
          {t('insight.copyScore', { percent: percent(result.score) })}
        </Typography.Text>
        {view.flagged ? <Tag color="red">{t('insight.flagged')}</Tag> : <Tag color="green">{t('insight.notFlagged')}</Tag>}
        <Typography.Text type="secondary">{t('insight.threshold', { percent: percent(view.threshold) })}</Typography.Text>
        {(['peer', 'own', 'guidance'] as const).map((category) => (
          <Tag key={category} color={copyCategoryColors[category]} bordered={false}>
            {t(`insight.categories.${category}`)} {percent(result.byCategory[category])}
          </Tag>
        ))}
      </Space>
      <Typography.Paragraph type="secondary">{t('insight.copyExplain')}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Card size="small" title={t('insight.documentText')} style={{ flex: '0 0 36%', maxHeight: 560, overflow: 'auto' }}>
          <HighlightedText view={view} />
        </Card>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Table
            size="small"
            pagination={false}
            scroll={{ y: 500 }}
            dataSource={rows}
            data-testid="copy-matches"
            locale={{ emptyText: t('insight.noMatches') }}
            columns={[
              { title: '#', dataIndex: 'number', width: 40 },
              {
                title: t('insight.passage'),
                key: 'passage',
                render: (_: unknown, match: CopyMatch) => <Shared text={match.passage.text} other={match.source.text} side="passage" />,
              },
              {
                title: t('insight.source'),
                key: 'source',
                render: (_: unknown, match: CopyMatch) => (
                  <div data-testid="copy-source">
                    <div style={{ marginBottom: 4 }}>
                      <Tag color={copyCategoryColors[match.category]} bordered={false}>
                        {t(`insight.categories.${match.category}`)}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {match.category === 'guidance'
                          ? t('insight.guidanceSource', { title: match.source.title })
                          : `${match.source.authorName} · ${formatPeriod(match.source.period)} · ${match.source.title}`}
                      </Typography.Text>
                    </div>
                    <Shared text={match.source.text} other={match.passage.text} side="source" />
                  </div>
                ),
              },
              { title: t('insight.similarity'), key: 'similarity', width: 80, render: (_: unknown, match: CopyMatch) => percent(match.similarity) },
            ]}
          />
        </div>
      </div>
    </Modal>
  );
}

/** The review pane's 雷同检测 card (supervisors): the score against the threshold, and the side-by-side view. */
export function CopyCheckCard({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const check = useChannel('insight:copy-check', { id });
  const [open, setOpen] = useState(false);
  const view = check.data;
  const status = useMemo(() => (view ? (view.flagged ? 'exception' : 'success') : 'normal'), [view]);
  return (
    <Card size="small" title={t('insight.copyTitle')} style={{ marginBottom: 12 }} data-testid="copy-check-card" loading={check.isLoading}>
      {!view ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insight.copyUnavailable')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space align="center">
            <Progress type="circle" size={56} percent={Math.round(view.result.score * 100)} status={status} />
            <div>
              <div>
                {view.flagged ? <CopyTag score={view.result.score} /> : <Tag color="green">{t('insight.notFlagged')}</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('insight.copySummary', { count: view.result.matches.length, threshold: percent(view.threshold) })}
              </Typography.Text>
            </div>
          </Space>
          <Button size="small" onClick={() => setOpen(true)} disabled={view.result.matches.length === 0} data-testid="open-copy-check">
            {t('insight.copyOpen')}
          </Button>
        </Space>
      )}
      {open && view && <CopyCheckDialog view={view} title={title} onClose={() => setOpen(false)} />}
    </Card>
  );
}
