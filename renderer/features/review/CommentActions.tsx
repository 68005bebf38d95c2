import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Profile } from '../../../electron/core/common/schemas/profile';

/** The acts that need a text first (a reply, a fix note, a reason). */
export type TextAction = 'reply' | 'fix' | 'reopen' | 'retract';
export type CommentAction = TextAction | 'resolve';

/** The acts the viewer may take on a standing comment, and the box for the text an act needs. */
export function CommentActions({
  comment,
  profile,
  isAuthorOfDocument,
  busy,
  onEdit,
  onAct,
}: {
  comment: CommentView;
  profile: Profile;
  isAuthorOfDocument: boolean;
  busy: boolean;
  onEdit: () => void;
  onAct: (action: CommentAction, text?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TextAction | null>(null);
  const [text, setText] = useState('');
  const supervisor = profile.role === 'supervisor';
  const mine = comment.by.id === profile.id;
  const prompts: Record<TextAction, string> = {
    reply: t('review.replyPlaceholder'),
    fix: t('review.fixPlaceholder'),
    reopen: t('review.reopenPlaceholder'),
    retract: t('review.retractPlaceholder'),
  };
  const submit = async () => {
    if (!open) return;
    if (await onAct(open, text)) {
      setOpen(null);
      setText('');
    }
  };
  return (
    <>
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
      {open && (
        <div style={{ marginTop: 8 }} onClick={(event) => event.stopPropagation()}>
          <Input.TextArea rows={2} autoFocus value={text} placeholder={prompts[open]} onChange={(event) => setText(event.target.value)} aria-label={prompts[open]} />
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
    </>
  );
}
