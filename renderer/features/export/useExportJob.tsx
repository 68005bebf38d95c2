import { App as AntApp, Button, Modal, Progress, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../electron/api/contract';
import { ApiCallError, call, localised, transportName } from '../../api/client';
import { notifyError } from '../../app/notifier';
import { deliverFile, downloadFile, type Delivery, type ExportedFile } from './deliver';

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

/** The notification that says an export is finished (one at a time: a new export replaces it). */
const doneKey = 'export-done';

/**
 * Hand a finished job's file over; null when that failed (already said). Desktop: the main process saves it
 * through the save dialog (export:save), so the bytes never pass through the page. Browser mode: the page
 * downloads it (export:result). `close` closes the progress dialog, which has shown 100% with a full bar, before
 * the save dialog or the download.
 */
async function collect(jobId: string, close: () => void): Promise<{ file: ExportedFile; delivery: Delivery } | null> {
  if (transportName() === 'ipc') {
    close();
    const saved = await call('export:save', { jobId });
    if (!saved.ok) {
      notifyError(new ApiCallError('export:save', saved.error));
      return null;
    }
    const delivery: Delivery = saved.value.saved ? { kind: 'saved', path: saved.value.path } : { kind: 'not-saved' };
    const fileName = saved.value.saved ? (saved.value.path.split(/[\\/]/).pop() ?? saved.value.path) : '';
    return { file: { fileName, mimeType: '', dataBase64: '' }, delivery };
  }
  const result = await call('export:result', { jobId });
  if (!result.ok) {
    notifyError(new ApiCallError('export:result', result.error));
    return null;
  }
  close();
  const delivered = await deliverFile(result.value);
  if (!delivered.ok) {
    notifyError(new Error(delivered.error.message));
    return null;
  }
  return { file: result.value, delivery: delivered.value };
}

/** The progress dialog: the job's title, the backend's own percent (100 only once the file is made) and 取消. */
function ExportProgressModal({ job, onCancel }: { job: RunningJob | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const status = job?.status;
  const percent = status?.percent ?? 0;
  const finished = status?.state === 'done';
  return (
    <Modal
      open={!!job}
      title={t('exportPage.progressTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button onClick={onCancel} disabled={!job?.jobId || job.cancelling} data-testid="export-cancel">
          {job?.cancelling ? t('exportPage.cancelling') : t('common.cancel')}
        </Button>
      }
    >
      <div data-testid="export-progress" data-percent={percent}>
        <Typography.Paragraph ellipsis style={{ marginBottom: 8 }}>
          {job?.title}
        </Typography.Paragraph>
        <Progress
          className="export-progress-bar"
          percent={percent}
          status={job?.cancelling ? 'exception' : finished ? 'success' : 'active'}
          format={(value) => `${value ?? 0}%`}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {finished ? t('exportPage.finishing') : (status?.message ?? t('exportPage.preparing'))}
        </Typography.Text>
      </div>
    </Modal>
  );
}

/**
 * Run an export on the backend as a job: start it, poll its progress into a modal with a 取消 button, then
 * hand the file over (save dialog in the desktop app, download in the browser) and say so in a notification
 * with an 「打开」 action. The dialog's bar and its text are the one `percent` the backend job reports.
 * One export at a time per hook. Render `element` somewhere in the component.
 */
export function useExportJob(): { run: (request: ExportRequest, title: string) => Promise<boolean>; busy: boolean; element: ReactNode } {
  const { t } = useTranslation();
  const { message, notification } = AntApp.useApp();
  const [job, setJob] = useState<RunningJob | null>(null);
  const current = useRef<RunningJob | null>(null);

  const update = useCallback((next: RunningJob | null) => {
    current.current = next;
    setJob(next);
  }, []);

  /**
   * Say the file is there, with 「打开」: in the desktop app it opens the saved file (export:open-file); in the
   * browser a page cannot open a file on the computer, so it hands the same file to the browser again (which
   * offers to open it), and the text says so.
   */
  const announce = useCallback(
    (file: ExportedFile, delivery: Delivery) => {
      if (delivery.kind === 'not-saved') {
        message.info(t('exportPage.notSaved'));
        return;
      }
      const open = async () => {
        if (delivery.kind === 'downloaded') {
          downloadFile(file);
          return;
        }
        const opened = await call('export:open-file', { path: delivery.path });
        if (!opened.ok) notifyError(new ApiCallError('export:open-file', opened.error));
      };
      notification.success({
        key: doneKey,
        title: t('exportPage.doneTitle', { name: file.fileName }),
        description: delivery.kind === 'saved' ? t('exportPage.doneSaved', { path: delivery.path }) : t('exportPage.doneDownloaded'),
        actions: (
          <Button type="primary" size="small" onClick={() => void open()} data-testid="export-open">
            {t('exportPage.open')}
          </Button>
        ),
        placement: 'bottomRight',
        duration: 10,
        props: { 'data-testid': 'export-done' } as never,
      });
    },
    [message, notification, t],
  );

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
          const failure = localised({ code: 'internal', message: status.message ?? t('exportPage.failed'), ...(status.key ? { key: status.key, params: status.params } : {}) });
          notifyError(new Error(failure.message));
          return false;
        }
        const collected = await collect(jobId, () => update(null));
        if (!collected) return false;
        announce(collected.file, collected.delivery);
        return collected.delivery.kind !== 'not-saved';
      } finally {
        update(null);
      }
    },
    [announce, message, t, update],
  );

  const cancel = useCallback(async () => {
    const running = current.current;
    if (!running?.jobId || running.cancelling) return;
    update({ ...running, cancelling: true });
    const result = await call('export:cancel', { jobId: running.jobId });
    if (!result.ok) notifyError(new ApiCallError('export:cancel', result.error));
  }, [update]);

  const element = <ExportProgressModal job={job} onCancel={() => void cancel()} />;
  return { run, busy: !!job, element };
}
