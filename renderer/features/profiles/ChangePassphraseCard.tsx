import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, request } from '../../api/client';

interface Values {
  current: string;
  passphrase: string;
  repeat: string;
}

/**
 * 设置 → 修改口令 (a supervisor's own signing key): the current passphrase and the new one twice. The main process
 * re-encrypts the same key under the new passphrase (one atomic write); a wrong current passphrase changes nothing.
 */
export function ChangePassphraseCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setOutcome(null);
    try {
      await request('profiles:change-passphrase', values);
      form.resetFields();
      setOutcome({ ok: true });
    } catch (failure) {
      setOutcome({ ok: false, message: failure instanceof ApiCallError ? failure.error.message : String(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <LockOutlined />
          {t('keyPassphrase.passphraseTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="change-passphrase"
    >
      <Typography.Paragraph type="secondary">{t('keyPassphrase.passphraseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(values) => void submit(values)}>
        <Form.Item name="current" label={t('keyPassphrase.passphraseCurrent')} rules={[{ required: true, message: t('keyPassphrase.passphraseCurrentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="passphrase-current" />
        </Form.Item>
        <Form.Item name="passphrase" label={t('keyPassphrase.passphraseNew')} rules={[{ required: true, min: 8, message: t('keyLock.passphraseRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="passphrase-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('keyPassphrase.passphraseRepeat')}
          dependencies={['passphrase']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('keyLock.passphraseMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="passphrase-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="passphrase-change">
          {t('keyPassphrase.passphraseChange')}
        </Button>
      </Form>
      {outcome?.ok && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('keyPassphrase.passphraseChanged')} data-testid="passphrase-changed" />}
      {outcome && !outcome.ok && <Alert style={{ marginTop: 12 }} type="error" showIcon title={outcome.message} data-testid="passphrase-change-error" />}
    </Card>
  );
}
