import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { fixtureSeedsDir, hashFolder, makeTempDir, office, openTempStore } from '../helpers/temp-store';

interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI on a data folder with the fixture seeds, capturing what it prints. */
async function cli(dataDir: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  vi.stubEnv('REPORTDESK_SEEDS_DIR', fixtureSeedsDir);
  try {
    const code = await runCli([...args, '--data', dataDir], (text) => out.push(text), (text) => err.push(text));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.unstubAllEnvs();
  }
}

async function withDemo(): Promise<string> {
  const dataDir = await makeTempDir();
  const loaded = await cli(dataDir, 'demo');
  expect(loaded.code, loaded.err).toBe(0);
  return dataDir;
}

describe('reportdesk CLI', () => {
  it('demo loads the sample office, and loading it again changes nothing', async () => {
    const dataDir = await makeTempDir();
    const first = await cli(dataDir, 'demo');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('3 个身份');
    expect(first.out).toContain('4 篇文稿');

    // The clean-shutdown marker records when the folder was last closed; everything else must stay as it was.
    const withoutMarker = async () => {
      const hashes = await hashFolder(dataDir);
      delete hashes['index/clean'];
      return hashes;
    };
    const before = await withoutMarker();
    const second = await cli(dataDir, 'demo', '--json');
    expect(second.code, second.err).toBe(0);
    expect(JSON.parse(second.out)).toEqual({ profiles: 0, reports: 0, skipped: 7 });
    expect(await withoutMarker()).toEqual(before);
  });

  it('profiles lists every local profile with its role in Chinese', async () => {
    const dataDir = await withDemo();
    const { code, out } = await cli(dataDir, 'profiles');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split('\t')).toEqual([office.manager, office.managerName, '客户经理', '城关片区']);
    expect(out).toContain(`${office.supervisorName}\t主管`);
  });

  it('profiles on an empty folder says there are none', async () => {
    const { code, out } = await cli(await makeTempDir(), 'profiles');
    expect(code).toBe(0);
    expect(out).toContain('还没有用户身份');
  });

  it('list --as <name> shows what that person may see', async () => {
    const dataDir = await withDemo();
    const manager = await cli(dataDir, 'list', '--as', office.managerName);
    expect(manager.code, manager.err).toBe(0);
    expect(manager.out.split('\n').map((line) => line.split('\t')[0])).toEqual([office.draft, office.submitted]);
    expect(manager.out).toContain('草稿');

    const supervisor = await cli(dataDir, 'list', '--as', office.supervisor, '--status', 'submitted');
    expect(supervisor.out.split('\n').map((line) => line.split('\t')[0])).toEqual([office.submitted]);
  });

  it('show <id> --as <name> prints the document with its sections', async () => {
    const dataDir = await withDemo();
    const { code, out, err } = await cli(dataDir, 'show', office.draft, '--as', office.managerName);
    expect(code, err).toBe(0);
    expect(out.split('\n')[0]).toBe('城关片区2026年11月5日工作日志');
    expect(out).toContain('状态：草稿');
    expect(out).toContain('【今日工作】');
    expect(out).toContain('上午走访城关便民超市');
    expect(out).toContain('城关便民超市\t120\t300');
    expect(out).toContain('天气：晴');
  });

  it("show refuses another manager's draft with not-found (exit 1)", async () => {
    const dataDir = await withDemo();
    const { code, err } = await cli(dataDir, 'show', office.otherDraft, '--as', office.managerName);
    expect(code).toBe(1);
    expect(err).toContain('not-found');
  });

  it('--json output parses', async () => {
    const dataDir = await withDemo();
    const list = await cli(dataDir, 'list', '--as', office.managerName, '--json');
    expect(JSON.parse(list.out).map((item: { id: string }) => item.id)).toEqual([office.draft, office.submitted]);
    const shown = await cli(dataDir, 'show', office.draft, '--as', office.manager, '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ report: { id: office.draft }, template: { id: office.templateId } });
    const profiles = await cli(dataDir, 'profiles', '--json');
    expect(JSON.parse(profiles.out)).toHaveLength(3);
    const problems = await cli(dataDir, 'problems', '--json');
    expect(JSON.parse(problems.out)).toEqual([]);
  });

  it('verify checks every review log the caller can see: exit 0 when all are intact', async () => {
    const dataDir = await withDemo();
    const { code, out, err } = await cli(dataDir, 'verify', '--as', office.supervisorName);
    expect(code, err).toBe(0);
    expect(out).toBe('已检查 2 篇文稿，审阅记录完好');
    const json = await cli(dataDir, 'verify', '--as', office.supervisor, '--json');
    expect(JSON.parse(json.out)).toEqual({ checked: 2, problems: [] });
  });

  it('verify prints each problem with its document and line, and exits 1', async () => {
    const dataDir = await withDemo();
    // Someone softens the supervisor's comment on 李娜's approved log by hand (line 2 of its log).
    const logFile = path.join(dataDir, 'reviews', 'rp', `${office.otherApproved}.ndjson`);
    const lines = (await readFile(logFile, 'utf8')).split('\n');
    const line = JSON.parse(lines[1]) as { record: { body: { type: string; text: string } } };
    expect(line.record.body.type).toBe('comment');
    line.record.body.text = '写得一般。';
    lines[1] = JSON.stringify(line);
    await writeFile(logFile, lines.join('\n'));

    const { code, out } = await cli(dataDir, 'verify', '--as', office.supervisorName);
    expect(code).toBe(1);
    const printed = out.split('\n');
    expect(printed).toHaveLength(2);
    expect(printed[0].split('\t')).toEqual([office.otherApproved, '第 2 行', expect.stringMatching(/^第 2 条记录的内容被修改/)]);
    expect(printed[1]).toBe('已检查 2 篇文稿，1 篇的审阅记录有问题（共 1 处）');
    const json = await cli(dataDir, 'verify', '--as', office.supervisor, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).problems).toEqual([expect.objectContaining({ docId: office.otherApproved, ok: false })]);
    // A manager only checks what they may read: 张明 cannot see 李娜's log.
    const manager = await cli(dataDir, 'verify', '--as', office.managerName);
    expect(manager).toMatchObject({ code: 0, out: '已检查 2 篇文稿，审阅记录完好' });
  });

  it('an unknown command exits 2 with the usage', async () => {
    const { code, err, out } = await cli(await makeTempDir(), 'frobnicate');
    expect(code).toBe(2);
    expect(err).toContain('未知命令：frobnicate');
    expect(err).toContain('用法');
    expect(out).toBe('');
  });

  it('an unknown option exits 2 with the usage', async () => {
    const { code, err } = await cli(await makeTempDir(), 'list', '--colour');
    expect(code).toBe(2);
    expect(err).toContain('用法');
  });

  it('a profile that does not exist exits 1 and names the ones that do', async () => {
    const dataDir = await withDemo();
    const { code, err, out } = await cli(dataDir, 'list', '--as', '赵六');
    expect(code).toBe(1);
    expect(err).toContain('找不到身份：赵六');
    expect(err).toContain(office.managerName);
    expect(out).toBe('');
  });

  it('no --as and no remembered profile exits 1 saying how to choose one', async () => {
    const dataDir = await withDemo();
    const { code, err } = await cli(dataDir, 'list');
    expect(code).toBe(1);
    expect(err).toContain('--as');
  });

  it('a data folder open elsewhere exits 1 with the lock message, and leaves the folder to its owner', async () => {
    const { dataDir, services } = await openTempStore({ seed: true });
    const { code, err } = await cli(dataDir, 'profiles');
    expect(code).toBe(1);
    expect(err).toContain(dataDir);
    expect(await services.profiles.list()).toHaveLength(3);
  });
});
