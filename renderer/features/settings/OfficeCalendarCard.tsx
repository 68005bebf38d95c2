import { App as AntApp, Card, DatePicker, Descriptions, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OfficeCalendar } from '../../../electron/api/domain';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';

type Kind = keyof OfficeCalendar;

/**
 * 设置 → 办公日历: the 法定节假日 and 调休 workdays that 未提交, the dashboard and the 台账 count by (preset with
 * the State Council's 2026 schedule). Supervisors add and remove days; managers read it.
 */
export function OfficeCalendarCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const profile = useProfile();
  const settings = useChannel('settings:get', {});
  const update = useChannelMutation('settings:update');
  const calendar = settings.data?.officeCalendar;
  const editable = profile.role === 'supervisor';
  const save = (next: OfficeCalendar) =>
    update.mutate({ officeCalendar: next }, { onSuccess: () => message.success(t('officeCalendar.saved')) });
  const change = (kind: Kind, days: string[]) => calendar && save({ ...calendar, [kind]: days });
  const row = (kind: Kind) => {
    const days = calendar?.[kind] ?? [];
    return (
      <Space wrap size={[4, 4]} data-testid={`calendar-${kind}`}>
        {days.length === 0 && <Typography.Text type="secondary">{t('officeCalendar.empty')}</Typography.Text>}
        {days.map((day) => (
          <Tag key={day} closable={editable} onClose={() => change(kind, days.filter((item) => item !== day))} closeIcon={editable ? undefined : false}>
            {day}
          </Tag>
        ))}
        {editable && (
          <DatePicker
            size="small"
            value={null}
            placeholder={t('officeCalendar.add')}
            aria-label={`${t(`officeCalendar.${kind}`)} ${t('officeCalendar.add')}`}
            onChange={(value: Dayjs | null) => {
              if (value) change(kind, [...days, value.format('YYYY-MM-DD')]);
            }}
          />
        )}
      </Space>
    );
  };
  return (
    <Card size="small" title={t('officeCalendar.title')} style={{ marginBottom: 16 }} data-testid="office-calendar">
      <Typography.Paragraph type="secondary">{t('officeCalendar.hint')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('officeCalendar.holidays')}>{row('holidays')}</Descriptions.Item>
        <Descriptions.Item label={t('officeCalendar.workdays')}>{row('workdays')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
