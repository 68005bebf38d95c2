import { Button, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NewProfile, Profile } from '../../../electron/core/common/schemas/profile';
import { ApiCallError } from '../../api/client';
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
  const [form] = Form.useForm<NewProfile & { passphraseConfirm?: string }>();
  const role = Form.useWatch('role', form) ?? 'manager';
  const create = useChannelMutation('profiles:create');
  // Someone trusted here has this name and role: creating it needs an explicit confirmation (the checkbox).
  const failure = create.error;
  const sameNameAsked =
    failure instanceof ApiCallError && (failure.error.details as { reason?: string } | undefined)?.reason === 'same-name-as-trusted';

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ role: 'manager' }}
      onFinish={({ passphraseConfirm: _confirm, ...values }) =>
        create.mutate(values, {
          onSuccess: onCreated,
        })
      }
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
      {role === 'supervisor' && (
        <>
          <Typography.Paragraph type="secondary">{t('keyLock.passphraseHint')}</Typography.Paragraph>
          <Form.Item name="passphrase" label={t('keyLock.passphrase')} rules={[{ required: true, min: 8, message: t('keyLock.passphraseRequired') }]}>
            <Input.Password data-testid="profile-passphrase" />
          </Form.Item>
          <Form.Item
            name="passphraseConfirm"
            label={t('keyLock.passphraseConfirm')}
            dependencies={['passphrase']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('keyLock.passphraseMismatch')))),
              }),
            ]}
          >
            <Input.Password data-testid="profile-passphrase-confirm" />
          </Form.Item>
        </>
      )}
      <Form.Item name="confirmSameName" valuePropName="checked" hidden={!sameNameAsked} style={{ marginBottom: 8 }}>
        <Checkbox data-testid="profile-confirm-same-name">{t('keyLock.confirmSameName')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} block>
        {submitLabel ?? t('profiles.start')}
      </Button>
    </Form>
  );
}
