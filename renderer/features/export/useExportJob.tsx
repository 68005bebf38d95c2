import { App as AntApp, Button, Modal, Progress, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../electron/api/contract';
import { ApiCallError, call } from '../../api/client';
import { notifyError } from '../../app/notifier';
import { deliverFile } from './deliver';

export type ExportRequest = ChannelInput<'export:start'>;
type JobStatus = ChannelOutput<'export:status'>;

interface RunningJob {
  title: string;
  jobId: string | null;
  status: JobStatus | null;
  cancelling: boolean;
}

const POLL_MS = 250;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/**
 * Run an export on the backend as a job: start it, poll its progress into a modal with a 取消 button, then
 * hand the file over (save dialog in the desktop app, download in the browser). One export at a time per hook.
 * Render `element` somewhere in the component.
 */
export function useExportJob(): { run: (request: ExportRequest, title: string) => Promise<boolean>; busy: boolean; element: ReactNode } {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<RunningJob | null>(null);
  const current = useRef<RunningJob | null>(null);

  const update = useCallback((next: RunningJob | null) => {
    current.current = next;
    setJob(next);
  }, []);

  const run = useCallback(
    async (request: ExportRequest, title: string): Promise<boolean> => {
      if (current.current) return false;
      update({ title, jobId: null, status: null, cancelling: false });
      try {
        const started = await call('export:start', request);
        if (!started.ok) {
          notifyError(new ApiCallError('export:start', started.error));
          return false;
        }
        const jobId = started.value.jobId;
        update({ ...current.current!, jobId });
        let status: JobStatus;
        for (let attempt = 0; ; attempt += 1) {
          await wait(attempt === 0 ? 80 : POLL_MS);
          const polled = await call('export:status', { jobId });
          if (!polled.ok) {
            notifyError(new ApiCallError('export:status', polled.error));
            return false;
          }
          status = polled.value;
          update({ ...current.current!, status });
          if (status.state !== 'running') break;
        }
        if (status.state === 'cancelled') {
          message.info(t('exportPage.cancelled'));
          return false;
        }
        if (status.state === 'failed') {
          notifyError(new Error(status.message ?? t('exportPage.failed')));
          return false;
        }
        const result = await call('export:result', { jobId });
        if (!result.ok) {
          notifyError(new ApiCallError('export:result', result.error));
          return false;
        }
        const delivered = await deliverFile(result.value);
        if (!delivered.ok) {
          notifyError(new Error(delivered.error.message));
          return false;
        }
        if (delivered.value.kind === 'downloaded') message.success(t('exportPage.downloaded', { name: delivered.value.fileName }));
        if (delivered.value.kind === 'saved') message.success(t('exportPage.saved', { path: delivered.value.path }));
        return delivered.value.kind !== 'not-saved';
      } finally {
        update(null);
      }
    },
    [message, t, update],
  );

  const cancel = useCallback(async () => {
    const running = current.current;
    if (!running?.jobId || running.cancelling) return;
    update({ ...running, cancelling: true });
    const result = await call('export:cancel', { jobId: running.jobId });
    if (!result.ok) notifyError(new ApiCallError('export:cancel', result.error));
  }, [update]);

  const status = job?.status;
  const percent = status ? Math.round((status.done / Math.max(1, status.total)) * 100) : 0;
  const element = (
    <Modal
      open={!!job}
      title={t('exportPage.progressTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button onClick={() => void cancel()} disabled={!job?.jobId || job.cancelling} data-testid="export-cancel">
          {job?.cancelling ? t('exportPage.cancelling') : t('common.cancel')}
        </Button>
      }
    >
      <div data-testid="export-progress">
        <Typography.Paragraph ellipsis style={{ marginBottom: 8 }}>
          {job?.title}
        </Typography.Paragraph>
        <Progress percent={percent} status={job?.cancelling ? 'exception' : 'active'} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {status?.message ?? t('exportPage.preparing')}
        </Typography.Text>
      </div>
    </Modal>
  );
  return { run, busy: !!job, element };
}
