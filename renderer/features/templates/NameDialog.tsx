import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from './template-draft';

/** Asks for a template name (duplicate, new template); `onSubmit` may reject to keep the dialog open. */
export function NameDialog({
  title,
  hint,
  initialName,
  okText,
  busy,
  onSubmit,
  onCancel,
}: {
  title: string;
  hint?: string;
  initialName: string;
  okText: string;
  busy?: boolean;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) onSubmit(values.name.trim());
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ name: initialName }} onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t('templateEditor.name')}
          rules={[
            { required: true, whitespace: true, message: t('templateEditor.nameRequired') },
            { max: limits.name, message: t('templateEditor.issues.tooLong', { max: limits.name }) },
          ]}
        >
          <Input autoFocus maxLength={limits.name} data-testid="name-dialog-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
