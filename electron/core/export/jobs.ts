/**
 * Export jobs: long exports (a register of a year, a meeting pack of twenty documents) run in the background
 * of the API process, report progress and can be cancelled. A job belongs to the profile that started it;
 * its file is handed over once (`take`) and then dropped. Finished jobs nobody collects are dropped after a
 * while, so bytes never pile up in memory. Jobs only read: a cancelled or failed job leaves nothing behind.
 */
import { DomainError, isDomainError, type ErrorCode } from '../common/errors';
import { ExportCancelled, isExportCancelled, yieldToEventLoop, type ExportMonitor } from './progress';
import { coded, formatMessage, type MessageKey, type MessageParams } from '../common/messages';
import type { ExportJobState, ExportJobStatus } from './schema';

export type { ExportJobState, ExportJobStatus } from './schema';

/** What an export produces: a suggested file name and the file's bytes. */
export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
}

interface Job {
  id: string;
  owner: string;
  state: ExportJobState;
  done: number;
  total: number;
  message?: string;
  code?: ErrorCode;
  /** The failure's catalogue key and parameters, so `take` raises it again in any language. */
  key?: string;
  params?: MessageParams;
  cancelRequested: boolean;
  result?: ExportFile;
  finishedAt?: number;
}

export interface ExportJobsOptions {
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now?: () => number;
  newId?: () => string;
  /** How long a finished job waits to be collected. */
  keepFinishedMs?: number;
  /** Jobs one profile may have running at once. */
  maxRunningPerOwner?: number;
  /** How often a running job lets status polls and cancel requests in (ms of work between yields). */
  yieldEveryMs?: number;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly keepFinishedMs: number;
  private readonly maxRunningPerOwner: number;
  private readonly yieldEveryMs: number;

  constructor(options: ExportJobsOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.keepFinishedMs = options.keepFinishedMs ?? 10 * 60_000;
    this.maxRunningPerOwner = options.maxRunningPerOwner ?? 3;
    this.yieldEveryMs = options.yieldEveryMs ?? 25;
  }

  /**
   * Start a job for `owner`; returns its id at once. The task gets a monitor whose checkpoints record progress
   * and throw ExportCancelled after `cancel`.
   */
  start(owner: string, task: (monitor: ExportMonitor) => Promise<ExportFile>): string {
    this.sweep();
    const running = [...this.jobs.values()].filter((job) => job.owner === owner && job.state === 'running').length;
    if (running >= this.maxRunningPerOwner) {
      throw coded('conflict', 'export.tooMany', { running });
    }
    const job: Job = { id: this.newId(), owner, state: 'running', done: 0, total: 1, cancelRequested: false };
    this.jobs.set(job.id, job);
    let lastYield = this.now();
    const monitor: ExportMonitor = {
      checkpoint: async (done, total, message) => {
        job.done = done;
        job.total = Math.max(total, 1);
        if (message !== undefined) job.message = message;
        if (this.now() - lastYield >= this.yieldEveryMs) {
          await yieldToEventLoop();
          lastYield = this.now();
        }
        if (job.cancelRequested) throw new ExportCancelled();
      },
    };
    // Start on a later turn, so `start` returns the id before any work is done.
    void yieldToEventLoop()
      .then(() => {
        if (job.cancelRequested) throw new ExportCancelled();
        return task(monitor);
      })
      .then(
        (result) => {
          if (job.cancelRequested) return this.finish(job, 'cancelled');
          job.result = result;
          job.done = job.total;
          job.message = undefined;
          this.finish(job, 'done');
        },
        (error: unknown) => {
          if (isExportCancelled(error) || job.cancelRequested) return this.finish(job, 'cancelled');
          job.code = isDomainError(error) ? error.code : 'internal';
          job.message = isDomainError(error) ? error.message : formatMessage('export.failedWith', { details: error instanceof Error ? error.message : String(error) });
          if (isDomainError(error) && error.key) {
            job.key = error.key;
            job.params = error.params;
          }
          this.finish(job, 'failed');
        },
      );
    return job.id;
  }

  status(owner: string, jobId: string): ExportJobStatus {
    return this.view(this.get(owner, jobId));
  }

  /** Ask a running job to stop at its next checkpoint; finished jobs are left as they are. */
  cancel(owner: string, jobId: string): ExportJobStatus {
    const job = this.get(owner, jobId);
    if (job.state === 'running') job.cancelRequested = true;
    return this.view(job);
  }

  /** The finished job's file; the job is dropped. A failed job's error is thrown (once). */
  take(owner: string, jobId: string): ExportFile {
    const job = this.get(owner, jobId);
    if (job.state === 'running') throw coded('conflict', 'export.notFinished');
    this.jobs.delete(job.id);
    if (job.state === 'cancelled') throw coded('conflict', 'export.cancelled');
    if (job.state === 'failed') throw job.key ? coded(job.code ?? 'internal', job.key as MessageKey, job.params) : new DomainError(job.code ?? 'internal', job.message ?? formatMessage('export.failed'));
    return job.result!;
  }

  /** Number of jobs held (running or waiting to be collected). */
  get size(): number {
    this.sweep();
    return this.jobs.size;
  }

  private get(owner: string, jobId: string): Job {
    this.sweep();
    const job = this.jobs.get(jobId);
    // Another profile's job is as good as missing.
    if (!job || job.owner !== owner) throw coded('not-found', 'export.jobNotFound');
    return job;
  }

  private finish(job: Job, state: ExportJobState): void {
    job.state = state;
    job.finishedAt = this.now();
    if (state !== 'done') job.result = undefined;
  }

  private view(job: Job): ExportJobStatus {
    return {
      jobId: job.id,
      state: job.state,
      done: job.done,
      total: job.total,
      percent: job.state === 'done' ? 100 : Math.min(99, Math.floor((Math.min(job.done, job.total) / job.total) * 100)),
      ...(job.message ? { message: job.message } : {}),
      ...(job.code ? { code: job.code } : {}),
      ...(job.key ? { key: job.key, ...(job.params ? { params: job.params } : {}) } : {}),
      ...(job.result ? { fileName: job.result.fileName } : {}),
    };
  }

  private sweep(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (job.finishedAt !== undefined && now - job.finishedAt > this.keepFinishedMs) this.jobs.delete(job.id);
    }
  }
}
