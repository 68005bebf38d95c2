/**
 * Progress and cancellation of long exports. Builders and use cases call `checkpoint` between documents
 * and rows; the job runner's monitor records the progress, lets other work run now and then (status polls,
 * a cancel request) and throws ExportCancelled once the job was cancelled.
 */

/** Thrown out of a checkpoint after the job was cancelled; the job ends as 'cancelled', no file is made. */
export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消');
    this.name = 'ExportCancelled';
  }
}

export function isExportCancelled(error: unknown): error is ExportCancelled {
  return error instanceof ExportCancelled;
}

export interface ExportMonitor {
  /** Report `done` of `total` steps (with what is being done), and stop here if the job was cancelled. */
  checkpoint(done: number, total: number, message?: string): Promise<void>;
}

/** For callers that need neither progress nor cancellation (the CLI, tests). */
export const silentMonitor: ExportMonitor = { checkpoint: async () => undefined };

/** Let timers and I/O callbacks run (a status poll over HTTP, a cancel request) between pieces of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A monitor for one phase of a longer job: the phase's own `done / total` is mapped onto `[start, start + span]`
 * of the job's `total`, so the progress bar never runs backwards between phases.
 */
export function phaseMonitor(monitor: ExportMonitor, start: number, span: number, total: number): ExportMonitor {
  return {
    checkpoint: (done, phaseTotal, message) =>
      monitor.checkpoint(start + Math.min(span, Math.round((done / Math.max(phaseTotal, 1)) * span)), total, message),
  };
}
