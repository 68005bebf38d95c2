import { KeyOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { trustSource } from '../../../electron/api/domain';
import { useChannel } from '../../api/hooks';

/** Where the exchange page lives (below 导出, so the navigation keeps 导出 highlighted). */
export const exchangePath = '/export/exchange';

/** The fingerprint in a large monospace font, to read out over the phone. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text code copyable style={{ fontSize: 16, letterSpacing: 1 }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

/**
 * The active profile's signing key: public key and fingerprint (made on first use), and the people whose keys
 * this machine trusts. Shown in 设置 and on the exchange page.
 */
export function IdentityCard({ withTrusted = true, withLink = false }: { withTrusted?: boolean; withLink?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const identity = useChannel('exchange:identity', {});
  const trusted = useChannel('exchange:trusted', {}, { enabled: withTrusted });
  return (
    <Card
      size="small"
      title={
        <Space>
          <KeyOutlined />
          {t('exchange.identityTitle')}
        </Space>
      }
      extra={
        withLink && (
          <Button size="small" icon={<SwapOutlined />} onClick={() => navigate(exchangePath)} data-testid="open-exchange">
            {t('exchange.open')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="identity-card"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('exchange.fingerprint')}>{identity.data && <Fingerprint value={identity.data.fingerprint} testId="my-fingerprint" />}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.publicKey')}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {identity.data?.publicKey}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.keyCreated')}>{identity.data?.createdAt.slice(0, 10)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: withTrusted ? 12 : 0 }}>
        {t('exchange.identityHint')} {t('exchange.identityKeyNote')}
      </Typography.Paragraph>
      {withTrusted && (
        <>
          <Typography.Text strong>{t('exchange.trustedTitle')}</Typography.Text>
          {trusted.data?.length ? (
            <List
              size="small"
              dataSource={trusted.data}
              data-testid="trusted-list"
              renderItem={(entry) => (
                <List.Item key={entry.profileId}>
                  <Space wrap>
                    <span>{entry.name}</span>
                    <Tag color={entry.role === 'supervisor' ? 'gold' : 'blue'}>{t(`roles.${entry.role}`)}</Tag>
                    <Typography.Text type="secondary">{entry.unit}</Typography.Text>
                    <Typography.Text code>{entry.fingerprint}</Typography.Text>
                    <Tag color={trustSource(entry) === 'vouched' ? 'default' : 'green'} data-testid="trusted-source">
                      {t(`supervisorTrust.source.${trustSource(entry)}`, { name: entry.introducedBy.senderName })}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.trustedEmpty')} />
          )}
        </>
      )}
    </Card>
  );
}

/** The button on 导出 that opens the exchange page. */
export function ExchangeLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<SwapOutlined />} onClick={() => navigate(exchangePath)} data-testid="open-exchange">
      {t('exchange.open')}
    </Button>
  );
}
