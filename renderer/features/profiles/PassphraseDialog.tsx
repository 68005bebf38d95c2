import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import { ApiCallError, request } from '../../api/client';

export type PassphraseMode = 'unlock' | 'set';

/**
 * Asks a supervisor for their passphrase when their profile is chosen: to unlock the signing key, or — the first
 * time, for a key made before passphrases existed — to set one (the same key, now protected).
 */
export function PassphraseDialog({
  profile,
  mode,
  onDone,
  onCancel,
}: {
  profile: Profile;
  mode: PassphraseMode;
  onDone: (profile: Profile) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string; confirm?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await request('profiles:select', { id: profile.id, passphrase: values.passphrase }));
    } catch (failure) {
      setError(failure instanceof ApiCallError ? failure.error.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(mode === 'unlock' ? 'keyLock.unlockTitle' : 'keyLock.setTitle', { name: profile.name })}
      okText={t(mode === 'unlock' ? 'keyLock.unlock' : 'keyLock.set')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'passphrase-ok' } as Record<string, string>}
    >
      <Typography.Paragraph>{t(mode === 'unlock' ? 'keyLock.unlockText' : 'keyLock.setText', { name: profile.name })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="passphrase" label={t('keyLock.passphrase')} rules={[{ required: true, min: 8, message: t('keyLock.passphraseRequired') }]}>
          <Input.Password autoFocus data-testid="passphrase-input" onPressEnter={() => void submit()} />
        </Form.Item>
        {mode === 'set' && (
          <Form.Item
            name="confirm"
            label={t('keyLock.passphraseConfirm')}
            dependencies={['passphrase']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('keyLock.passphraseMismatch')))),
              }),
            ]}
          >
            <Input.Password data-testid="passphrase-confirm" onPressEnter={() => void submit()} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="passphrase-error" />}
    </Modal>
  );
}
