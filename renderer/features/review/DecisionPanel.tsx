import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { DecisionView } from '../../../electron/core/common/review-fold';
import type { MeetingFlag } from '../../../electron/core/common/schemas/review';
import { useChannel } from '../../api/hooks';
import { meetingFlags } from './labels';
import { useReviewActions } from './useReviewActions';

interface DecisionForm {
  grade: string;
  reason?: string;
  meetingFlag: MeetingFlag;
  overall?: string;
}

/** A decision as a short record: grade, reason, meeting flag, overall comment, who and when. */
export function DecisionSummary({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered data-testid="decision-summary">
      <Descriptions.Item label={t('review.decision')}>
        <Tag color={decision.decision === 'approve' ? 'green' : 'orange'}>{t(`review.decisions.${decision.decision}`)}</Tag>
        {decision.by.name} · {dayjs(decision.at).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      <Descriptions.Item label={t('review.grade')}>
        <Tag color="purple">{decision.grade}</Tag>
        {decision.meetingFlag !== 'none' && <Tag color={decision.meetingFlag === 'praise' ? 'gold' : 'volcano'}>{t(`review.meeting.${decision.meetingFlag}`)}</Tag>}
      </Descriptions.Item>
      {decision.reason && <Descriptions.Item label={t('review.reason')}>{decision.reason}</Descriptions.Item>}
      {decision.overall && <Descriptions.Item label={t('review.overall')}>{decision.overall}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * The supervisor's review act on a submitted revision: grade (reason required at 合格 and below),
 * meeting flag, overall comment, then 退回修改 or 通过. On an approved document: 重新打开, with a reason.
 */
export function DecisionPanel({ report, current }: { report: Report; current: DecisionView | null }) {
  const { t } = useTranslation();
  const settings = useChannel('settings:get', {});
  const { run, busy } = useReviewActions();
  const [form] = Form.useForm<DecisionForm>();
  const [reopenReason, setReopenReason] = useState('');
  const scale = settings.data?.gradeScale ?? [];
  const grade = Form.useWatch('grade', form);
  const needsReason = scale.find((item) => item.label === grade)?.needsReason ?? false;

  if (report.status === 'approved') {
    return (
      <Card size="small" title={t('review.decisionTitle')} style={{ marginBottom: 12 }}>
        {current && <DecisionSummary decision={current} />}
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('review.reopenReason')} value={reopenReason} onChange={(event) => setReopenReason(event.target.value)} aria-label={t('review.reopenReason')} />
          <Button disabled={!reopenReason.trim()} loading={busy} onClick={() => void run('review:reopen', { id: report.id, reason: reopenReason.trim() })}>
            {t('review.reopenDocument')}
          </Button>
        </Space.Compact>
      </Card>
    );
  }
  if (report.status !== 'submitted') {
    return current ? (
      <Card size="small" title={t('review.decisionTitle')} style={{ marginBottom: 12 }}>
        <DecisionSummary decision={current} />
      </Card>
    ) : null;
  }

  const decide = async (decision: 'return' | 'approve') => {
    let values: DecisionForm;
    try {
      values = await form.validateFields();
    } catch {
      // The form shows what is missing (e.g. the reason a low grade needs) beside its field.
      return;
    }
    await run('review:decide', {
      id: report.id,
      decision,
      grade: values.grade,
      meetingFlag: values.meetingFlag,
      ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      ...(values.overall?.trim() ? { overall: values.overall.trim() } : {}),
    });
  };

  return (
    <Card size="small" title={t('review.decisionTitle')} style={{ marginBottom: 12 }} data-testid="decision-panel">
      <Form form={form} layout="vertical" initialValues={{ meetingFlag: 'none' }}>
        <Form.Item name="grade" label={t('review.grade')} rules={[{ required: true, message: t('review.gradeRequired') }]}>
          <Select aria-label={t('review.grade')} options={scale.map((item) => ({ value: item.label, label: item.label }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('review.reason')}
          tooltip={t('review.reasonHint')}
          rules={[{ required: needsReason, whitespace: true, message: t('review.reasonRequired', { grade }) }]}
        >
          <Input.TextArea rows={2} maxLength={2000} aria-label={t('review.reason')} />
        </Form.Item>
        <Form.Item name="meetingFlag" label={t('review.meetingFlag')}>
          <Radio.Group>
            {meetingFlags.map((flag) => (
              <Radio key={flag} value={flag}>
                {t(`review.meeting.${flag}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="overall" label={t('review.overall')}>
          <Input.TextArea rows={3} maxLength={5000} aria-label={t('review.overall')} />
        </Form.Item>
        {needsReason && <Alert type="info" showIcon message={t('review.reasonHint')} style={{ marginBottom: 8 }} />}
        <Space>
          <Button danger loading={busy} onClick={() => void decide('return')}>
            {t('review.returnForRevision')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void decide('approve')}>
            {t('review.approve')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
