import type { ChannelInput, ChannelName, ChannelOutput } from '../api/contract';
import type { SyncStatus } from '../core/sync/ports';
import { formatMessage, type MessageLanguage } from '../core/common/messages';

type Call = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

const stateNames: Record<SyncStatus['state'], string> = {
  off: '未设置同步',
  ok: '同步正常',
  pending: '有待对方确认的包',
  problem: '同步有问题',
  'not-joined': '尚未加入办公室（请核对主管指纹后 sync join）',
};

function when(value: string | null): string {
  if (!value) return '—';
  return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** `sync status` in words. */
export function formatSyncStatus(status: SyncStatus): string {
  if (!status.configured) return '未设置同步文件夹（npm run cli -- sync setup <文件夹> --as <身份>）';
  const lines = [
    `状态：${stateNames[status.state]}${status.problem ? `（${status.problem.message}）` : ''}`,
    `同步文件夹：${status.folder}`,
    `我的指纹：${status.myFingerprint ?? '—'}`,
    `待发送（对方尚未确认）：${status.pendingToSend} 个包`,
    `上次同步：${when(status.lastPassAt)}  上次收到：${when(status.lastReceivedAt)}`,
  ];
  if (status.supervisor) lines.push(`主管：${status.supervisor.name}（${status.supervisor.fingerprint}）${status.onRoster ? '' : '  尚未被主管加入名册'}`);
  if (status.people.length) {
    lines.push('成员：');
    for (const person of status.people) {
      lines.push(`  ${person.name}\t${person.role === 'supervisor' ? '主管' : '客户经理'}\t最后收到其包 ${when(person.lastPackageAt)}\t最后确认收到你的包 ${when(person.lastAckAt)}\t未确认 ${person.unacknowledged}`);
    }
  }
  if (status.joinRequests.length) {
    lines.push('申请加入（核对指纹后 sync admit <指纹>）：');
    for (const request of status.joinRequests) lines.push(`  ${request.name}\t${request.unit}\t${request.fingerprint}`);
  }
  if (status.refused.length) {
    lines.push('被拒收的包：');
    for (const item of status.refused) lines.push(`  ${item.senderName}\t${item.file}\t${item.message}`);
  }
  if (status.syncthing) {
    const st = status.syncthing;
    lines.push(
      st.ok
        ? `Syncthing：文件夹 ${st.folder ? `${st.folder.label}（${st.folder.state}）` : '未共享'}；设备 ${st.devices.map((device) => `${device.name}${device.connected ? '（已连接）' : '（未连接）'}`).join('、') || '无'}`
        : `Syncthing：${st.message}`,
    );
  }
  return lines.join('\n');
}

/** Run `sync <sub>`; returns the exit code. */
export async function runSyncCommand(
  call: Call,
  sub: string | undefined,
  arg: string | undefined,
  json: boolean,
  out: (text: string) => void,
  err: (text: string) => void,
  language: MessageLanguage = 'zh-CN',
): Promise<number> {
  let status: SyncStatus;
  switch (sub) {
    case 'status':
      status = await call('sync:status', {});
      break;
    case 'now':
      status = await call('sync:now', {});
      break;
    case 'setup':
      if (!arg) return usageError(err, language);
      status = await call('sync:configure', { folder: arg });
      break;
    case 'join':
      if (!arg) return usageError(err, language);
      status = await call('sync:join', { fingerprint: arg });
      break;
    case 'admit':
      if (!arg) return usageError(err, language);
      status = await call('sync:admit', { fingerprint: arg });
      break;
    default:
      return usageError(err, language);
  }
  out(json ? JSON.stringify(status, null, 2) : formatSyncStatus(status));
  // An act that ends with the folder in trouble (setup, join, admit, now) fails the script; `status` only reports.
  return sub !== 'status' && status.state === 'problem' ? 1 : 0;
}

function usageError(err: (text: string) => void, language: MessageLanguage): number {
  err(formatMessage('cliHelp.usageOf', { usage: formatMessage('cliHelp.sync', {}, language) }, language));
  return 2;
}
