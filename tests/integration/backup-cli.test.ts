import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { hashFolder, makeTempDir, openTempStore } from '../helpers/temp-store';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI backup and restore', () => {
  it('backs up with --out, restores into a new folder and checks it, refuses a non-empty folder and a foreign file', async () => {
    const dataDir = await makeTempDir('reportdesk-cli-data-');
    await (await openTempStore({ dataDir, seed: true })).close();
    process.env.REPORTDESK_SEEDS_DIR = path.resolve(__dirname, '..', 'fixtures', 'seeds');
    try {
      const out = await makeTempDir('reportdesk-cli-backups-');
      const backup = await cli(['backup', '--data', dataDir, '--out', out]);
      expect(backup.code, backup.err).toBe(0);
      const [file] = await readdir(out);
      expect(backup.out).toContain(file);

      const target = path.join(await makeTempDir('reportdesk-cli-target-'), 'restored');
      const restored = await cli(['restore', path.join(out, file), '--data', target]);
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toContain('4 篇文稿，审阅记录完好');

      const busy = await makeTempDir('reportdesk-cli-busy-');
      await writeFile(path.join(busy, '别的文件.txt'), 'x');
      const before = await hashFolder(busy);
      const refused = await cli(['restore', path.join(out, file), '--data', busy]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('目标文件夹不是空的');
      expect(await hashFolder(busy)).toEqual(before);

      const foreign = path.join(out, 'not-a-backup.rdbackup');
      await writeFile(foreign, 'hello');
      const refusedForeign = await cli(['restore', foreign, '--data', path.join(busy, '..', 'never-made')]);
      expect(refusedForeign.code).toBe(1);
      expect(refusedForeign.err).toContain('这不是报告台备份文件');

      expect((await cli(['restore', path.join(out, file)])).code).toBe(2);
    } finally {
      delete process.env.REPORTDESK_SEEDS_DIR;
    }
  }, 60_000);
});
