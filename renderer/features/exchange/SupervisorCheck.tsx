import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from './IdentityCard';
import type { SupervisorToCheck } from './import-flow';

/**
 * The explicit fingerprint step for a supervisor this machine does not trust yet: person, role, fingerprint in
 * groups of four, how to compare it, and 「核对无误，信任此主管」. Without it nothing signed by that key as a
 * supervisor (decisions, grades, comments) is applied.
 */
export function SupervisorCheck({ person, onConfirm }: { person: SupervisorToCheck; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="supervisor-check"
      title={t('supervisorTrust.title', { name: person.name })}
      description={
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="supervisor-check-name">
              {person.name}
            </Typography.Text>
            <Tag color="gold">{t('roles.supervisor')}</Tag>
            <Typography.Text type="secondary">{person.unit}</Typography.Text>
          </Space>
          <div>
            {t('exchange.fingerprint')}：<Fingerprint value={person.fingerprint} testId="supervisor-check-fingerprint" />
          </div>
          <Typography.Text>{t('supervisorTrust.howTo', { name: person.name })}</Typography.Text>
          <Typography.Text type="secondary">{t('supervisorTrust.without')}</Typography.Text>
          <Button type="primary" ghost icon={<SafetyCertificateOutlined />} onClick={onConfirm} data-testid="exchange-trust">
            {t('supervisorTrust.confirm')}
          </Button>
        </Space>
      }
    />
  );
}
