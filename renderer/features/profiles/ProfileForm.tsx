import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NewProfile, Profile } from '../../../electron/core/profiles/schema';
import { useChannelMutation } from '../../api/hooks';

/** Name, role and unit: all a profile is. Used on first run and in 设置. */
export function ProfileForm({
  onCreated,
  submitLabel,
  autoFocus = false,
}: {
  onCreated: (profile: Profile) => void;
  submitLabel?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewProfile>();
  const role = Form.useWatch('role', form) ?? 'manager';
  const create = useChannelMutation('profiles:create', ['profiles:list']);

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ role: 'manager' }}
      onFinish={(values) => create.mutate(values, { onSuccess: onCreated })}
      aria-label={t('profiles.createTitle')}
    >
      <Form.Item name="name" label={t('profiles.name')} rules={[{ required: true, whitespace: true, message: t('profiles.nameRequired') }]}>
        <Input placeholder={t('profiles.namePlaceholder')} maxLength={40} autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item name="role" label={t('profiles.role')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio value="manager">{t('roles.manager')}</Radio>
          <Radio value="supervisor">{t('roles.supervisor')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="unit"
        label={role === 'manager' ? t('profiles.unitManager') : t('profiles.unitSupervisor')}
        rules={[{ required: true, whitespace: true, message: t('profiles.unitRequired') }]}
      >
        <Input
          placeholder={role === 'manager' ? t('profiles.unitPlaceholderManager') : t('profiles.unitPlaceholderSupervisor')}
          maxLength={60}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} block>
        {submitLabel ?? t('profiles.start')}
      </Button>
    </Form>
  );
}
