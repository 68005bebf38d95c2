import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import { commentKindColors } from './labels';

type Action = 'reply' | 'fix' | 'reopen' | 'retract';

function when(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/**
 * One recorded comment: what it points at (or "原文已修改" with the original quote), its current text and
 * every earlier version, its thread, its status, and the acts the viewer may take.
 */
export function CommentCard({
  comment,
  profile,
  isAuthorOfDocument,
  located,
  target,
  active,
  busy,
  onSelect,
  onEdit,
  onAct,
}: {
  comment: CommentView;
  profile: Profile;
  isAuthorOfDocument: boolean;
  /** False when the commented passage or cell can no longer be found in the text shown. */
  located: boolean;
  /** Short description of what the comment points at. */
  target: string;
  active: boolean;
  busy: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onAct: (action: Action | 'resolve', text?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [history, setHistory] = useState(false);
  const supervisor = profile.role === 'supervisor';
  const mine = comment.by.id === profile.id;
  const live = !comment.retracted;
  const statusColor = { open: 'orange', fixed: 'blue', resolved: 'green' }[comment.status];

  const submit = async () => {
    if (!open) return;
    if (await onAct(open, text)) {
      setOpen(null);
      setText('');
    }
  };

  const prompts: Record<Action, string> = {
    reply: t('review.replyPlaceholder'),
    fix: t('review.fixPlaceholder'),
    reopen: t('review.reopenPlaceholder'),
    retract: t('review.retractPlaceholder'),
  };

  return (
    <Card
      size="small"
      className={`rd-comment-card${active ? ' rd-comment-card-active' : ''}${live ? '' : ' rd-comment-retracted'}`}
      onClick={onSelect}
      data-testid={`comment-${comment.id}`}
      style={{ marginBottom: 8 }}
    >
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Tag color={commentKindColors[comment.kind]}>{t(`review.kinds.${comment.kind}`)}</Tag>
        <Typography.Text strong>{comment.by.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {when(comment.at)}
        </Typography.Text>
        <Tag>{t('review.revisionTag', { revision: comment.revision })}</Tag>
        {live ? <Tag color={statusColor}>{t(`review.status.${comment.status}`)}</Tag> : <Tag color="default">{t('review.retracted')}</Tag>}
      </Space>
      <div className="rd-comment-target">
        {!located && <Tag color="warning">{t('review.originalChanged')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {target}
        </Typography.Text>
      </div>
      <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }} delete={!live}>
        {comment.text}
      </Typography.Paragraph>
      {comment.retracted && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('review.retractedBy', { name: comment.retracted.by.name, time: when(comment.retracted.at) })}
          {comment.retracted.reason ? `：${comment.retracted.reason}` : ''}
        </Typography.Paragraph>
      )}
      {comment.versions.length > 1 && (
        <div>
          <Typography.Link style={{ fontSize: 12 }} onClick={() => setHistory((value) => !value)}>
            {t('review.editedTimes', { count: comment.versions.length - 1 })}
          </Typography.Link>
          {history && (
            <ol className="rd-comment-history" data-testid="comment-history">
              {comment.versions.map((version, index) => (
                <li key={version.at + index}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when(version.at)} [{t(`review.kinds.${version.kind}`)}]
                  </Typography.Text>{' '}
                  {version.text}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {comment.events
        .filter((event) => event.type !== 'comment-edit' && event.type !== 'comment-retract')
        .map((event) => (
          <div key={event.recordId} className={`rd-comment-event rd-comment-event-${event.type}`}>
            <Typography.Text strong style={{ fontSize: 12 }}>
              {event.by.name}
            </Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`review.events.${event.type}`)} · {when(event.at)}
            </Typography.Text>
            {event.text && <div style={{ whiteSpace: 'pre-wrap' }}>{event.text}</div>}
          </div>
        ))}
      {live && (
        <Space size={4} wrap style={{ marginTop: 6 }} onClick={(event) => event.stopPropagation()}>
          {(supervisor || isAuthorOfDocument) && (
            <Button size="small" onClick={() => setOpen('reply')}>
              {t('review.reply')}
            </Button>
          )}
          {!supervisor && isAuthorOfDocument && comment.status === 'open' && (
            <Button size="small" type="primary" onClick={() => setOpen('fix')}>
              {t('review.markFixed')}
            </Button>
          )}
          {supervisor && comment.status !== 'resolved' && (
            <Button size="small" type="primary" loading={busy} onClick={() => void onAct('resolve')}>
              {t('review.resolve')}
            </Button>
          )}
          {supervisor && comment.status !== 'open' && (
            <Button size="small" onClick={() => setOpen('reopen')}>
              {t('review.reopenComment')}
            </Button>
          )}
          {supervisor && mine && (
            <Button size="small" onClick={onEdit}>
              {t('review.edit')}
            </Button>
          )}
          {supervisor && mine && (
            <Button size="small" danger onClick={() => setOpen('retract')}>
              {t('review.retract')}
            </Button>
          )}
        </Space>
      )}
      {open && (
        <div style={{ marginTop: 8 }} onClick={(event) => event.stopPropagation()}>
          <Input.TextArea
            rows={2}
            autoFocus
            value={text}
            placeholder={prompts[open]}
            onChange={(event) => setText(event.target.value)}
            aria-label={prompts[open]}
          />
          <Space style={{ marginTop: 4 }}>
            <Button size="small" type="primary" loading={busy} disabled={open !== 'retract' && !text.trim()} onClick={() => void submit()}>
              {t('common.confirm')}
            </Button>
            <Button size="small" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </Button>
          </Space>
        </div>
      )}
    </Card>
  );
}
