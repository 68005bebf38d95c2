import { testPassphrase } from '../helpers/unlock';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { openMachine, tempDir } from '../helpers/sync-office';

// The supervisor's passphrase for the CLI (as an office would give it in REPORTDESK_PASSPHRASE).
process.env.REPORTDESK_PASSPHRASE ??= testPassphrase;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sync on the command line', () => {
  it('setup, join, admit, now and status between two data folders', async () => {
    const folder = await tempDir('reportdesk-office-');
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' });
    const manager = await openMachine({ name: '张伟', role: 'manager' });
    await supervisor.close();
    await manager.close();
    try {
      const sup = ['--data', supervisor.dataDir, '--as', '陈主任'];
      const mgr = ['--data', manager.dataDir, '--as', '张伟'];
      expect((await cli(['sync', 'status', ...sup])).out).toContain('未设置同步文件夹');
      const setup = await cli(['sync', 'setup', folder, ...sup, '--json']);
      expect(setup.code, setup.err).toBe(0);
      const fingerprint = (JSON.parse(setup.out) as { myFingerprint: string }).myFingerprint;
      const joinedBefore = await cli(['sync', 'setup', folder, ...mgr]);
      expect(joinedBefore.out).toContain('尚未加入办公室');
      expect((await cli(['sync', 'join', 'not-a-fingerprint', ...mgr])).err).toContain('指纹格式不正确');
      const joined = await cli(['sync', 'join', fingerprint, ...mgr, '--json']);
      expect(joined.code, joined.err).toBe(0);
      const mine = (JSON.parse(joined.out) as { myFingerprint: string }).myFingerprint;
      const requests = await cli(['sync', 'status', ...sup]);
      expect(requests.out).toContain('申请加入');
      expect(requests.out).toContain(mine);
      expect((await cli(['sync', 'admit', mine, ...sup])).code).toBe(0);
      expect((await cli(['sync', 'now', ...mgr])).code).toBe(0);
      const now = await cli(['sync', 'now', ...sup]);
      expect(now.code).toBe(0);
      expect(now.out).toContain('同步正常');
      expect(now.out).toMatch(/张伟\t客户经理\t最后收到其包 —\t最后确认收到你的包 —\t未确认 0/);
      expect(now.out).not.toContain('申请加入');
      const managerView = await cli(['sync', 'status', ...mgr]);
      expect(managerView.out).toContain(`主管：陈主任（${fingerprint}）`);
      expect(managerView.out).not.toContain('尚未被主管加入名册');
      expect((await cli(['sync', 'bogus', ...sup])).code).toBe(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(supervisor.dataDir, { recursive: true, force: true });
      await rm(manager.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
