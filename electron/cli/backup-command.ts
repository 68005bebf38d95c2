import path from 'node:path';
import type { AppIdentity } from '../api/handlers';
import { readBackupFile } from '../store/backup/backup-file';
import { restoreIntoNewFolder } from '../store/backup/restore';
import { openStore } from '../store/open-store';
import { formatMessage, type MessageLanguage } from '../core/common/messages';
import { browserModePointerFile, StoreHost } from '../host/store-host';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** `backup [--out]`: a backup of the data folder (followed through a recorded move when --data is not given). */
export async function runBackupCommand(
  options: { data?: string; startDir: string; out?: string; identity: AppIdentity; json: boolean },
  out: (text: string) => void,
): Promise<number> {
  const host = await StoreHost.open({
    startDir: options.data ?? options.startDir,
    pointerFile: options.data ? null : browserModePointerFile(),
    locationSource: options.data ? 'environment' : 'default',
    identity: options.identity,
    dailyBackups: false,
  });
  try {
    const record = await host.backup('cli', options.out);
    out(options.json ? JSON.stringify(record, null, 2) : `已备份 ${record.files} 个文件（${sizeText(record.size)}）：${record.file}`);
    return 0;
  } finally {
    await host.close();
  }
}

/**
 * `restore <file> --data <folder>`: check the whole backup, write it into a new or empty folder (or, with
 * --replace, replace that folder's contents after a backup of it), then open the result and check every review
 * log against its hash chain.
 */
export async function runRestoreCommand(
  file: string | undefined,
  options: { data?: string; replace: boolean; identity: AppIdentity; json: boolean },
  out: (text: string) => void,
  err: (text: string) => void,
  language: MessageLanguage = 'zh-CN',
): Promise<number> {
  if (!file || !options.data) {
    err(formatMessage('cliHelp.restoreUsage', {}, language));
    return 2;
  }
  const target = path.resolve(options.data);
  let restored: { target: string; files: number; safetyBackup: string | null };
  if (options.replace) {
    const host = await StoreHost.open({ startDir: target, pointerFile: null, locationSource: 'environment', identity: options.identity, dailyBackups: false });
    try {
      restored = await host.restore({ file: path.resolve(file), mode: 'replace' });
    } finally {
      await host.close();
    }
  } else {
    const backup = await readBackupFile(path.resolve(file));
    restored = { ...(await restoreIntoNewFolder(backup.files, target)), safetyBackup: null };
  }
  const store = await openStore({ dataDir: target, backgroundCheck: false });
  let problems = 0;
  let documents = 0;
  try {
    const quarantined = await store.services.health.problems();
    problems += quarantined.length;
    for (const summary of await store.services.reports.list()) {
      documents += 1;
      const report = await store.services.reviews.verify(summary.id);
      problems += report.problems.length;
      for (const problem of report.problems) err(`${summary.id}\t第 ${problem.line} 行\t${problem.message}`);
    }
    for (const problem of quarantined) err(`${problem.file}：${problem.reason}`);
  } finally {
    await store.close();
  }
  const value = { ...restored, documents, problems };
  out(
    options.json
      ? JSON.stringify(value, null, 2)
      : [
          `已恢复 ${restored.files} 个文件到 ${restored.target}`,
          restored.safetyBackup ? `替换前的数据已备份到 ${restored.safetyBackup}` : '',
          problems ? `检查发现 ${problems} 处问题` : `已打开检查：${documents} 篇文稿，审阅记录完好`,
        ]
          .filter(Boolean)
          .join('\n'),
  );
  return problems ? 1 : 0;
}
