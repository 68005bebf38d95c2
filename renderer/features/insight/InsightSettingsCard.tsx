import { App as AntApp, Button, Card, Descriptions, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultInsightSettings, type InsightSettings } from '../../../electron/api/domain';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';

/** Percent input over a 0–1 share. */
function PercentInput({ value, onChange, min, label, disabled }: { value: number; onChange: (value: number) => void; min: number; label: string; disabled: boolean }) {
  return (
    <InputNumber
      size="small"
      min={min}
      max={100}
      step={5}
      precision={0}
      value={Math.round(value * 100)}
      suffix="%"
      disabled={disabled}
      aria-label={label}
      style={{ width: 110 }}
      onChange={(next) => next !== null && onChange(next / 100)}
    />
  );
}

/** 设置 → 统计与雷同检测: the 疑似雷同 threshold and the dashboard's targets (supervisors change them). */
export function InsightSettingsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const profile = useProfile();
  const settings = useChannel('settings:get', {});
  const update = useChannelMutation('settings:update');
  const [draft, setDraft] = useState<InsightSettings>({ ...defaultInsightSettings });
  useEffect(() => {
    if (settings.data?.insight) setDraft(settings.data.insight);
  }, [settings.data]);
  const readOnly = profile.role !== 'supervisor';
  const grades = settings.data?.gradeScale.map((grade) => grade.label) ?? [];
  const set = (patch: Partial<InsightSettings>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Card size="small" title={t('insight.settingsTitle')} style={{ marginBottom: 16 }} data-testid="insight-settings">
      <Typography.Paragraph type="secondary">{t('insight.settingsHint')}</Typography.Paragraph>
      <Descriptions column={1} size="small" labelStyle={{ width: 160 }}>
        <Descriptions.Item label={t('insight.copyThreshold')}>
          <PercentInput value={draft.copyThreshold} min={5} onChange={(copyThreshold) => set({ copyThreshold })} label={t('insight.copyThreshold')} disabled={readOnly} />
        </Descriptions.Item>
        <Descriptions.Item label={t('insight.onTimeTarget')}>
          <PercentInput value={draft.onTimeTarget} min={0} onChange={(onTimeTarget) => set({ onTimeTarget })} label={t('insight.onTimeTarget')} disabled={readOnly} />
        </Descriptions.Item>
        <Descriptions.Item label={t('insight.goodGradeTarget')}>
          <PercentInput value={draft.goodGradeTarget} min={0} onChange={(goodGradeTarget) => set({ goodGradeTarget })} label={t('insight.goodGradeTarget')} disabled={readOnly} />
        </Descriptions.Item>
        <Descriptions.Item label={t('insight.goodGrades')}>
          <Select
            size="small"
            style={{ width: 260 }}
            disabled={readOnly}
            value={Math.min(draft.goodGrades, Math.max(1, grades.length))}
            aria-label={t('insight.goodGrades')}
            onChange={(goodGrades) => set({ goodGrades })}
            options={grades.map((_, index) => ({ value: index + 1, label: t('insight.goodGradesValue', { count: index + 1, grades: grades.slice(0, index + 1).join('、') }) }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('insight.dailyLogDays')}>
          <Radio.Group value={draft.dailyLogDays} disabled={readOnly} onChange={(event) => set({ dailyLogDays: event.target.value })}>
            <Radio value="weekdays">{t('insight.weekdays')}</Radio>
            <Radio value="all">{t('insight.everyDay')}</Radio>
          </Radio.Group>
        </Descriptions.Item>
      </Descriptions>
      {!readOnly && (
        <Button type="primary" size="small" style={{ marginTop: 8 }} loading={update.isPending} onClick={() => update.mutate({ insight: draft }, { onSuccess: () => message.success(t('settings.saved')) })}>
          {t('common.save')}
        </Button>
      )}
    </Card>
  );
}
