import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommentKind } from '../../../electron/core/common/schemas/review';
import { commentKinds } from './labels';

export interface CommentDraft {
  kind: CommentKind;
  text: string;
}

/** Write (or edit) a comment: its kind and text, with what it points at shown above. */
export function CommentDialog({
  title,
  target,
  initial,
  busy,
  onSubmit,
  onCancel,
}: {
  title: string;
  /** What the comment is about: a quoted passage, a cell, a section name. */
  target: string;
  initial?: CommentDraft;
  busy?: boolean;
  onSubmit: (draft: CommentDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommentDraft>();
  return (
    <Modal
      open
      title={title}
      okText={t('review.saveComment')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" className="rd-quote" ellipsis={{ rows: 3, expandable: true }}>
        {target}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial ?? { kind: 'problem', text: '' }}
        onKeyDown={(event) => {
          // Ctrl+Enter saves from anywhere in the form (Enter in the text box is a new line).
          if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
            event.preventDefault();
            void form.validateFields().then(onSubmit, () => undefined);
          }
        }}
      >
        <Form.Item name="kind" label={t('review.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {commentKinds.map((kind) => (
              <Radio key={kind} value={kind}>
                {t(`review.kinds.${kind}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="text" label={t('review.commentText')} rules={[{ required: true, whitespace: true, message: t('review.commentRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount autoFocus aria-label={t('review.commentText')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
