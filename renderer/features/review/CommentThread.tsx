import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../electron/core/common/review-fold';

export function when(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** A comment's earlier versions (folded behind "已修改 n 次") and its thread of replies, fixes and settlements. */
export function CommentThread({ comment }: { comment: CommentView }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  return (
    <>
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
    </>
  );
}
