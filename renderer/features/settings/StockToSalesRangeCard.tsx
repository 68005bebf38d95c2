import { App as AntApp, Button, Card, Descriptions, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultStockToSalesRange, type StockToSalesRange } from '../../../electron/api/domain';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';

/** 设置 → 存销比合理区间: the office's range that templates' 存销比 columns are read against (supervisors change it). */
export function StockToSalesRangeCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const profile = useProfile();
  const settings = useChannel('settings:get', {});
  const update = useChannelMutation('settings:update');
  const [draft, setDraft] = useState<StockToSalesRange>({ ...defaultStockToSalesRange });
  useEffect(() => {
    if (settings.data?.stockToSalesRange) setDraft(settings.data.stockToSalesRange);
  }, [settings.data]);
  const readOnly = profile.role !== 'supervisor';
  const invalid = draft.low > draft.high;
  const bound = (key: keyof StockToSalesRange) => (
    <InputNumber
      size="small"
      min={0}
      max={100}
      step={0.05}
      precision={2}
      value={draft[key]}
      disabled={readOnly}
      aria-label={t(`printGrade.${key}`)}
      data-testid={`stock-range-${key}`}
      style={{ width: 110 }}
      onChange={(next) => next !== null && setDraft((current) => ({ ...current, [key]: next }))}
    />
  );

  return (
    <Card size="small" title={t('printGrade.rangeTitle')} style={{ marginBottom: 16 }} data-testid="stock-range-settings">
      <Typography.Paragraph type="secondary">{t('printGrade.rangeHint')}</Typography.Paragraph>
      <Descriptions column={1} size="small" labelStyle={{ width: 160 }}>
        <Descriptions.Item label={t('printGrade.low')}>{bound('low')}</Descriptions.Item>
        <Descriptions.Item label={t('printGrade.high')}>{bound('high')}</Descriptions.Item>
      </Descriptions>
      {invalid && <Typography.Text type="danger">{t('printGrade.lowAboveHigh')}</Typography.Text>}
      {!readOnly && (
        <div>
          <Button
            type="primary"
            size="small"
            style={{ marginTop: 8 }}
            disabled={invalid}
            loading={update.isPending}
            onClick={() => update.mutate({ stockToSalesRange: draft }, { onSuccess: () => message.success(t('settings.saved')) })}
          >
            {t('common.save')}
          </Button>
        </div>
      )}
    </Card>
  );
}
