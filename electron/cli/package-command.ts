import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../api/contract';
import { defaultExportLabels } from '../core/export/labels';
import { writeExportFile } from '../store/export-file';
import { coded, formatMessage, type MessageLanguage } from '../core/common/messages';

/** Exit code when a first-seen key needs confirming with --trust. */
export const needsTrustExitCode = 3;

export interface PackageCommandOptions {
  out?: string;
  ids?: string;
  sinceLast?: boolean;
  to?: string;
  manager?: string;
  trust?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

type Call = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

/** The same status names as every Chinese export. */
const statusNames: Record<string, string> = defaultExportLabels.statuses;
const effectNames: Record<string, string> = { create: '新建', status: '更新状态', refresh: '新增记录', none: '无变化', conflict: '冲突' };
const keyNames: Record<string, string> = { local: '本机身份', trusted: '已信任', new: '首次收到，请与对方核对指纹' };
const recordNames: Record<string, string> = {
  submit: '提交',
  decision: '审阅决定',
  reopen: '重新打开',
  comment: '点评',
  'comment-edit': '修改点评',
  'comment-retract': '撤回点评',
  reply: '回复',
  'mark-fixed': '已整改',
  resolve: '确认解决',
  'reopen-comment': '重新打开点评',
};

/** A package preview as text for a terminal. */
export function formatPreview(preview: ChannelOutput<'exchange:preview'>): string {
  const lines = [
    `交换包：${preview.fileName}（${preview.kind === 'submissions' ? '提交包' : '审阅包'}，制作于 ${preview.createdAt.slice(0, 16).replace('T', ' ')} UTC）`,
    `发件人：${preview.sender.name}（${preview.sender.role === 'manager' ? '客户经理' : '主管'}，${preview.sender.unit}）`,
    `指纹：${preview.sender.fingerprint}（${keyNames[preview.sender.known]}）`,
  ];
  if (preview.recipients.length) lines.push(`收件人：${preview.recipients.map((recipient) => recipient.name).join('、')}`);
  for (const person of preview.people.filter((item) => item.known === 'new')) {
    lines.push(`另带来身份：${person.name}（${person.role === 'manager' ? '客户经理' : '主管'}）指纹 ${person.fingerprint}（首次收到）`);
  }
  const totals = preview.totals;
  lines.push(
    `文稿 ${totals.documents} 篇（新 ${totals.newDocuments} 篇）；提交版本 新 ${totals.newRevisions} / 已有 ${totals.duplicateRevisions}；` +
      `审阅记录 新 ${totals.newRecords} / 已有 ${totals.duplicateRecords}；模板 新 ${totals.newTemplates}`,
  );
  for (const document of preview.documents) {
    const revisions = document.revisions.map((revision) => `第${revision.revision}版${revision.isNew ? '(新)' : ''}`).join(' ');
    const kinds = Object.entries(document.newRecordTypes)
      .map(([type, count]) => `${recordNames[type] ?? type}${count}`)
      .join('、');
    const status = document.statusBefore && document.statusBefore !== document.statusAfter ? `${statusNames[document.statusBefore]} → ${statusNames[document.statusAfter]}` : statusNames[document.statusAfter];
    lines.push(`  [${effectNames[document.effect]}] ${document.title}  ${revisions}  新记录 ${document.newRecords}${kinds ? `（${kinds}）` : ''}  ${status}`);
  }
  if (preview.ignoredDocuments) lines.push(`  （另有 ${preview.ignoredDocuments} 篇是发给其他客户经理的，不导入）`);
  for (const conflict of preview.conflicts) lines.push(`冲突：${conflict.message}`);
  if (preview.nothingNew) lines.push('包中的内容本机都已有，导入不会改变任何内容。');
  return lines.join('\n');
}

async function resolveOut(out: string | undefined, fileName: string): Promise<string> {
  if (!out) return path.resolve(fileName);
  const resolved = path.resolve(out);
  const isFolder = await stat(resolved).then(
    (info) => info.isDirectory(),
    () => false,
  );
  return isFolder ? path.join(resolved, fileName) : resolved;
}

/**
 * `package export | export-reviews | import`: the exchange channels from the command line. Returns the exit
 * code and what to print.
 */
export async function runPackageCommand(
  call: Call,
  action: string | undefined,
  target: string | undefined,
  options: PackageCommandOptions,
  out: (text: string) => void,
  err: (text: string) => void,
  language: MessageLanguage = 'zh-CN',
): Promise<number> {
  const print = (value: unknown, text: string) => out(options.json ? JSON.stringify(value, null, 2) : text);
  if (action === 'export' || action === 'export-reviews') {
    let exported: ChannelOutput<'exchange:export-submissions'>;
    if (action === 'export') {
      if (!!options.sinceLast === !!options.ids) {
        err(formatMessage('cliHelp.packageExportUsage', {}, language));
        return 2;
      }
      let toSupervisor: string | undefined;
      if (options.to) {
        const supervisors = (await call('exchange:trusted', {})).filter((entry) => entry.role === 'supervisor');
        const match = supervisors.find((entry) => entry.profileId === options.to || entry.name === options.to);
        if (!match) throw supervisors.length ? coded('not-found', 'cli.supervisorNotFound', { name: options.to, known: supervisors.map((entry) => entry.name).join('、') }) : coded('not-found', 'cli.supervisorNoneKnown', { name: options.to });
        toSupervisor = match.profileId;
      }
      exported = await call('exchange:export-submissions', {
        ...(options.sinceLast ? { sinceLast: true } : { ids: options.ids!.split(',').map((id) => id.trim()).filter(Boolean) }),
        ...(toSupervisor ? { toSupervisor } : {}),
      });
    } else {
      let managerId: string | undefined;
      if (options.manager) {
        const roster = await call('exchange:roster', {});
        const match = roster.find((entry) => entry.id === options.manager || entry.name === options.manager);
        if (!match) throw coded('not-found', 'cli.managerNotOnRoster', { name: options.manager, roster: roster.map((entry) => entry.name).join('、') || '—' });
        managerId = match.id;
      }
      exported = await call('exchange:export-reviews', managerId ? { managerId } : {});
    }
    const target = await resolveOut(options.out, exported.fileName);
    await writeExportFile(target, Buffer.from(exported.dataBase64, 'base64'));
    const { dataBase64: _data, ...rest } = exported;
    print(
      { ...rest, path: target },
      [
        `已导出：${target}`,
        ...exported.summary.documents.map((document) => `  ${document.title}  第 ${document.revisions.join('、')} 版  记录 ${document.records} 条`),
        `共 ${exported.summary.documents.length} 篇文稿，${exported.summary.records} 条审阅记录，${exported.summary.templates} 个模板版本`,
      ].join('\n'),
    );
    return 0;
  }
  if (action === 'import') {
    if (!target) {
      err(formatMessage('cliHelp.packageImportUsage', {}, language));
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(target);
    } catch (error) {
      throw coded('not-found', 'cli.cannotRead', { file: target, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
    const file = { fileName: path.basename(target), dataBase64: bytes.toString('base64') };
    const preview = await call('exchange:preview', file);
    if (options.dryRun) {
      print(preview, formatPreview(preview));
      return 0;
    }
    if (preview.needsTrust && !options.trust) {
      print(
        { preview, applied: null },
        `${formatPreview(preview)}\n首次收到此人的文件：请通过电话或当面与对方核对上面的指纹，确认一致后加 --trust 重新运行。本次未导入任何内容。`,
      );
      return needsTrustExitCode;
    }
    const result = await call('exchange:apply', { ...file, trustSender: !!options.trust });
    const applied = result.applied;
    print(
      result,
      [
        formatPreview(result.preview),
        `已导入：新文稿 ${applied.newDocuments} 篇，更新 ${applied.updatedDocuments} 篇，新版本 ${applied.newRevisions} 个，新记录 ${applied.newRecords} 条，新模板 ${applied.newTemplates} 个` +
          (applied.trusted.length ? `；已信任 ${applied.trusted.join('、')} 的密钥` : ''),
      ].join('\n'),
    );
    return 0;
  }
  err(formatMessage('cliHelp.usageOf', { usage: formatMessage('cliHelp.package', {}, language) }, language));
  return 2;
}
