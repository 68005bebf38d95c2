import { CalendarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { request } from '../../api/client';
import { notifyError } from '../../app/notifier';

/** The work-log fast path: one click opens today's log, creating it from the log template if needed. */
export const workLogTemplateId = 'builtin-work-log';

export function TodayLogButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const today = dayjs().format('YYYY-MM-DD');
      const existing = await request('reports:list', { kind: 'work-log', period: today });
      const mine = existing.find((summary) => summary.templateId === workLogTemplateId && summary.period === today);
      const id = mine?.id ?? (await request('reports:create', { templateId: workLogTemplateId, metadata: { 报告期: today } })).id;
      navigate(`/reports/${id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<CalendarOutlined />} loading={busy} onClick={() => void open()} data-testid="today-log">
      {t('reports.todayLog')}
    </Button>
  );
}
