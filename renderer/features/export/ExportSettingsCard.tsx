import { App as AntApp, Button, Card, Descriptions, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveFonts, type FontRole, type OnTimeRule } from '../../../electron/api/domain';
import { useChannel, useChannelMutation } from '../../api/hooks';

const roles: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber', 'latin'];

/** 设置 → 导出: the font names written into Word exports, and the 台账's on-time rule. */
export function ExportSettingsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const settings = useChannel('settings:get', {});
  const update = useChannelMutation('settings:update');
  const [names, setNames] = useState<'official' | 'windows'>('official');
  const [overrides, setOverrides] = useState<Partial<Record<FontRole, string>>>({});
  const [rule, setRule] = useState<OnTimeRule | null>(null);
  useEffect(() => {
    if (!settings.data) return;
    setNames(settings.data.exportFonts.names);
    setOverrides(settings.data.exportFonts.overrides);
    setRule(settings.data.onTimeRule);
  }, [settings.data]);
  const defaults = resolveFonts({ names });

  const save = () => {
    const cleaned = Object.fromEntries(Object.entries(overrides).map(([role, name]) => [role, name?.trim()]).filter(([, name]) => name));
    update.mutate(
      { exportFonts: { names, overrides: cleaned }, ...(rule ? { onTimeRule: rule } : {}) },
      { onSuccess: () => message.success(t('settings.saved')) },
    );
  };

  return (
    <Card size="small" title={t('exportPage.settingsTitle')} style={{ marginBottom: 16 }} data-testid="export-settings">
      <Typography.Paragraph type="secondary">{t('exportPage.fontsHint')}</Typography.Paragraph>
      <Radio.Group value={names} onChange={(event) => setNames(event.target.value)} style={{ marginBottom: 12 }}>
        <Space direction="vertical">
          <Radio value="official">{t('exportPage.fontsOfficial')}</Radio>
          <Radio value="windows">{t('exportPage.fontsWindows')}</Radio>
        </Space>
      </Radio.Group>
      <Descriptions column={2} size="small" labelStyle={{ width: 120 }}>
        {roles.map((role) => (
          <Descriptions.Item key={role} label={t(`exportPage.fontRoles.${role}`)}>
            <Input
              allowClear
              size="small"
              maxLength={60}
              placeholder={defaults[role]}
              value={overrides[role] ?? ''}
              onChange={(event) => setOverrides((current) => ({ ...current, [role]: event.target.value }))}
              aria-label={t(`exportPage.fontRoles.${role}`)}
              style={{ width: 200 }}
            />
          </Descriptions.Item>
        ))}
      </Descriptions>
      {rule && (
        <Space wrap style={{ marginTop: 12 }}>
          <span>{t('exportPage.monthlyDueDay')}</span>
          <InputNumber min={1} max={28} value={rule.monthlyDueDay} onChange={(value) => value && setRule({ ...rule, monthlyDueDay: value })} aria-label={t('exportPage.monthlyDueDay')} />
          <span>{t('exportPage.dailyGraceDays')}</span>
          <InputNumber min={0} max={31} value={rule.dailyGraceDays} onChange={(value) => value !== null && setRule({ ...rule, dailyGraceDays: value })} aria-label={t('exportPage.dailyGraceDays')} />
        </Space>
      )}
      <div style={{ marginTop: 12 }}>
        <Button onClick={save} loading={update.isPending} data-testid="save-export-settings">
          {t('common.save')}
        </Button>
      </div>
    </Card>
  );
}
