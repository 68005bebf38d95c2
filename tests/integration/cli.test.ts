import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { fixtureSeedsDir, hashFolder, makeTempDir, office, openTempStore, testPassphrase } from '../helpers/temp-store';

interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI on a data folder with the fixture seeds, capturing what it prints. */
async function cli(dataDir: string, ...args: string[]): Promise<CliRun> {
  return cliWith({}, dataDir, ...args);
}

/** The same, with extra environment variables (REPORTDESK_LANG). */
async function cliWith(env: Record<string, string>, dataDir: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  vi.stubEnv('REPORTDESK_SEEDS_DIR', fixtureSeedsDir);
  vi.stubEnv('REPORTDESK_LANG', env.REPORTDESK_LANG ?? '');
  // A supervisor's signing acts need the passphrase (the helpers protect supervisors' keys with it).
  vi.stubEnv('REPORTDESK_PASSPHRASE', testPassphrase);
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
    // The line's hash and its signature both fail.
    expect(printed).toHaveLength(3);
    expect(printed[0].split('\t')).toEqual([office.otherApproved, '第 2 行', expect.stringMatching(/^第 2 条记录的内容被修改/)]);
    expect(printed[1].split('\t')).toEqual([office.otherApproved, '第 2 行', expect.stringMatching(/^第 2 条记录（王主任的点评）的签名与王主任的密钥不符/)]);
    expect(printed[2]).toBe('已检查 2 篇文稿，1 篇的审阅记录有问题（共 2 处）');
    const english = await cli(dataDir, 'verify', '--as', office.supervisorName, '--lang', 'en');
    expect(english.out.split('\n')[1].split('\t')[2]).toBe("Record 2 (comment by 王主任) does not match 王主任's key: it was changed, or signed by someone else in their name");
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

  it('errors come from the one catalogue: zh-CN by default, English with --lang en or REPORTDESK_LANG=en', async () => {
    const dataDir = await withDemo();
    // Raised by the core (a coded DomainError through the dispatcher) …
    const zh = await cli(dataDir, 'show', office.otherDraft, '--as', office.managerName);
    expect(zh.err).toContain('找不到该文稿，可能已被删除');
    const en = await cli(dataDir, 'show', office.otherDraft, '--as', office.managerName, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.err).toContain('Document not found; it may have been deleted [not-found]');
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/);
    // … and by the CLI itself; the environment variable does the same as the flag.
    const fromEnvironment = await cliWith({ REPORTDESK_LANG: 'en' }, dataDir, 'list', '--as', '赵六');
    expect(fromEnvironment.code).toBe(1);
    expect(fromEnvironment.err).toMatch(/^No profile named 赵六 \(available: /);
    const unknown = await cliWith({ REPORTDESK_LANG: 'en' }, await makeTempDir(), 'frobnicate');
    expect(unknown.err).toContain('Unknown command: frobnicate');
  });

  it('the help and usage text is in English with --lang en or REPORTDESK_LANG=en, in Chinese by default', async () => {
    const dataDir = await makeTempDir();
    const zh = await cli(dataDir, 'help');
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^报告台 ReportDesk 命令行/);
    expect(zh.out).toContain('用法: npm run cli -- <命令>');
    expect(zh.out).toContain('sync join <指纹>      客户经理：核对主管的指纹后加入办公室');

    const english = await cli(dataDir, 'help', '--lang', 'en');
    expect(english.code).toBe(0);
    expect(english.out).toMatch(/^ReportDesk command line\n\nUsage: npm run cli -- <command> \[options\]/);
    // Every part: the commands, export, package, backup and sync, and the notes at the end.
    for (const line of ['show <id>            show one document', 'export meeting-pack  export the meeting pack', 'package import <file>', 'restore <backup>', 'sync admit <fingerprint>', 'The data folder is REPORTDESK_DATA_DIR']) {
      expect(english.out).toContain(line);
    }
    expect(english.out).not.toMatch(/[\u4e00-\u9fff]/);

    // The environment variable does the same; --help and no command at all print the same text.
    const fromEnvironment = await cliWith({ REPORTDESK_LANG: 'en' }, dataDir, '--help');
    expect(fromEnvironment).toEqual({ code: 0, out: english.out, err: '' });
    const bare = await cliWith({ REPORTDESK_LANG: 'en' }, dataDir);
    expect(bare).toEqual({ code: 2, out: english.out, err: '' });

    // Usage errors: an unknown command or option, and the sub-commands' own usage lines.
    const unknown = await cli(dataDir, 'frobnicate', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(`Unknown command: frobnicate\n\n${english.out}`);
    const badOption = await cliWith({ REPORTDESK_LANG: 'en' }, dataDir, 'list', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain('ReportDesk command line');
    expect(badOption.err).not.toContain('命令行');
    const restore = await cli(dataDir, 'restore', '--lang', 'en');
    expect(restore).toMatchObject({ code: 2, err: 'Usage: restore <backup file> --data <folder to restore into> [--replace]' });
    expect((await cli(dataDir, 'restore')).err).toBe('用法：restore <备份文件> --data <要恢复到的文件夹> [--replace]');
  });

  it('the package and sync usage errors follow the language too', async () => {
    const dataDir = await withDemo();
    const packageUsage = await cli(dataDir, 'package', 'frobnicate', '--as', office.managerName, '--lang', 'en');
    expect(packageUsage.code).toBe(2);
    expect(packageUsage.err).toMatch(/^Usage:\n {2}package export {7}export a submissions package/);
    expect(packageUsage.err).not.toMatch(/[\u4e00-\u9fff]/);
    const packageExport = await cliWith({ REPORTDESK_LANG: 'en' }, dataDir, 'package', 'export', '--as', office.managerName);
    expect(packageExport).toMatchObject({ code: 2, err: expect.stringMatching(/^Usage: package export --since-last \| --ids <id,id> \(one of the two\)/) });
    const syncUsage = await cli(dataDir, 'sync', 'frobnicate', '--as', office.managerName, '--lang', 'en');
    expect(syncUsage.code).toBe(2);
    expect(syncUsage.err).toMatch(/^Usage:\n {2}sync status {10}sync state:/);
    expect(syncUsage.err).not.toMatch(/[\u4e00-\u9fff]/);
    const syncZh = await cli(dataDir, 'sync', 'frobnicate', '--as', office.managerName);
    expect(syncZh.err).toMatch(/^用法：\n {2}sync status {10}同步状态/);
  });

  it('a data folder open elsewhere exits 1 with the lock message, and leaves the folder to its owner', async () => {
    const { dataDir, services } = await openTempStore({ seed: true });
    const { code, err } = await cli(dataDir, 'profiles');
    expect(code).toBe(1);
    expect(err).toContain(dataDir);
    expect(await services.profiles.list()).toHaveLength(3);
  });
});

describe('reportdesk CLI export', () => {
  /** The data folder's fingerprint without the clean-shutdown marker (rewritten by every run). */
  async function fingerprint(dataDir: string) {
    // The index holds derived caches (the background check's progress among them), not the office's data.
    const hashes = await hashFolder(dataDir);
    return Object.fromEntries(Object.entries(hashes).filter(([name]) => !name.startsWith('index/')));
  }

  async function sheetsOf(file: string): Promise<string[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    return workbook.worksheets.map((sheet) => sheet.name);
  }

  it('export <id> writes Word (公文 and 普通) and Excel under the suggested names into an --out folder; the data folder is unchanged', async () => {
    const dataDir = await withDemo();
    const outDir = await makeTempDir();
    const before = await fingerprint(dataDir);
    const names: string[] = [];
    for (const layout of ['official', 'plain', 'excel']) {
      const run = await cli(dataDir, 'export', office.submitted, '--layout', layout, '--as', office.supervisorName, '--out', outDir, '--json');
      expect(run.code, run.err).toBe(0);
      const written = JSON.parse(run.out) as { path: string; fileName: string; bytes: number };
      expect(path.dirname(written.path)).toBe(outDir);
      names.push(written.fileName);
      const bytes = await readFile(written.path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.byteLength).toBe(written.bytes);
    }
    expect(names).toEqual([
      '测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明_公文.docx',
      '测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明_普通.docx',
      '测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明.xlsx',
    ]);
    expect(await sheetsOf(path.join(outDir, names[2]))).toEqual(['基本信息', '走访记录']);
    expect(await fingerprint(dataDir)).toEqual(before);
  });

  it('export register --period --kind --out <file> writes the 台账 to that file', async () => {
    const dataDir = await withDemo();
    const target = path.join(await makeTempDir(), '十一月台账.xlsx');
    const run = await cli(dataDir, 'export', 'register', '--period', '2026-11', '--kind', '工作日志', '--as', office.supervisorName, '--out', target);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(`已导出：${target}`);
    // The register's own three sheets come first (a month's register may add further ones after them).
    expect((await sheetsOf(target)).slice(0, 3)).toEqual(['台账', '点评明细', '统计']);
  });

  it('export meeting-pack takes the flagged documents of a period, or the chosen ones; none flagged is an error', async () => {
    const dataDir = await withDemo();
    const outDir = await makeTempDir();
    const none = await cli(dataDir, 'export', 'meeting-pack', '--period', '2026-11', '--as', office.supervisorName, '--out', outDir);
    expect(none.code).toBe(1);
    expect(none.err).toContain('2026年11月没有标记为“会上表扬”或“会上讲评”的文稿');
    const chosen = await cli(
      dataDir,
      'export',
      'meeting-pack',
      '--ids',
      `${office.submitted},${office.otherApproved}`,
      '--name',
      '十一月工作例会',
      '--date',
      '2026-12-03',
      '--layout',
      'excel',
      '--as',
      office.supervisorName,
      '--out',
      outDir,
    );
    expect(chosen.code, chosen.err).toBe(0);
    expect(chosen.out).toBe(`已导出：${path.join(outDir, '十一月工作例会_汇总_2026年12月3日.xlsx')}`);
  });

  it('clear errors with exit 1: a wrong layout, a document the caller may not read, a folder that does not exist', async () => {
    const dataDir = await withDemo();
    const layout = await cli(dataDir, 'export', office.submitted, '--layout', 'pdf', '--as', office.supervisorName);
    expect(layout.code).toBe(1);
    expect(layout.err).toContain('参数不正确：layout');
    const hidden = await cli(dataDir, 'export', office.otherDraft, '--as', office.managerName, '--out', await makeTempDir());
    expect(hidden.code).toBe(1);
    expect(hidden.err).toContain('找不到该文稿');
    const missing = path.join(await makeTempDir(), 'no-such-folder', 'a.docx');
    const folder = await cli(dataDir, 'export', office.submitted, '--as', office.supervisorName, '--out', missing);
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(`保存位置不存在：${path.dirname(missing)}`);
  });
});

describe('reportdesk CLI: package export / export-reviews / import', () => {
  const corpus = path.resolve(__dirname, '..', 'fixtures', 'packages');

  /** A second laptop: a data folder with one supervisor profile made there (the CLI has no profile command). */
  async function supervisorLaptop(): Promise<string> {
    const dataDir = await makeTempDir();
    const store = await openTempStore({ dataDir });
    const created = await store.dispatcher.dispatch('profiles:create', null, { name: '孙主任', role: 'supervisor', unit: '营销部', passphrase: testPassphrase });
    expect(created.ok).toBe(true);
    await store.close();
    return dataDir;
  }

  it('a manager exports a submission package, a supervisor on another folder imports it after confirming the fingerprint, and sends reviews back', async () => {
    const laptop = await withDemo();
    const office2 = await supervisorLaptop();
    const outDir = await makeTempDir();

    // Usage errors exit 2.
    expect((await cli(laptop, 'package', 'export', '--as', office.managerName)).code).toBe(2);
    expect((await cli(laptop, 'package', 'import', '--as', office.managerName)).code).toBe(2);

    const exported = await cli(laptop, 'package', 'export', '--ids', office.submitted, '--as', office.managerName, '--out', outDir);
    expect(exported.code, exported.err).toBe(0);
    const file = /已导出：(.+\.rdpkg)/.exec(exported.out)![1];
    expect(path.dirname(file)).toBe(outDir);
    expect(exported.out).toContain('共 1 篇文稿，1 条审阅记录，1 个模板版本');

    // First package from 张明: the preview is shown with the fingerprint, nothing is imported, exit 3.
    const before = await hashFolder(office2);
    const unconfirmed = await cli(office2, 'package', 'import', file, '--as', '孙主任');
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.out).toMatch(/发件人：张明（客户经理，城关片区）\n指纹：([0-9a-f]{4} ){7}[0-9a-f]{4}（首次收到，请与对方核对指纹）/);
    expect(unconfirmed.out).toContain('加 --trust 重新运行');
    const dryRun = await cli(office2, 'package', 'import', file, '--as', '孙主任', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.out).toContain('[新建]');
    const withoutMarker = async () => {
      const hashes = await hashFolder(office2);
      delete hashes['index/clean'];
      return hashes;
    };
    delete before['index/clean'];
    expect(await withoutMarker()).toEqual(before);

    const imported = await cli(office2, 'package', 'import', file, '--as', '孙主任', '--trust');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('已导入：新文稿 1 篇，更新 0 篇，新版本 1 个，新记录 1 条，新模板 0 个；已信任 张明 的密钥');
    const again = await cli(office2, 'package', 'import', file, '--as', '孙主任');
    expect(again.code).toBe(0);
    expect(again.out).toContain('包中的内容本机都已有');

    // 孙主任 comments (through the API), then sends the review package back.
    const store = await openTempStore({ dataDir: office2 });
    const sun = (await store.services.profiles.list())[0];
    const commented = await store.dispatcher.dispatch('review:comment', sun.id, { id: office.submitted, anchor: { kind: 'document' }, kind: 'suggestion', text: '建议补充下周计划。' });
    expect(commented.ok).toBe(true);
    await store.close();
    const reviews = await cli(office2, 'package', 'export-reviews', '--manager', office.managerName, '--as', '孙主任', '--out', outDir);
    expect(reviews.code, reviews.err).toBe(0);
    const reviewFile = /已导出：(.+\.rdpkg)/.exec(reviews.out)![1];
    const back = await cli(laptop, 'package', 'import', reviewFile, '--as', office.managerName, '--trust', '--json');
    expect(back.code, back.err).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ applied: { newRecords: 1, trusted: ['孙主任'] } });
    const shown = await cli(laptop, 'verify', '--as', office.managerName);
    expect(shown.code, shown.out).toBe(0);
  });

  it('a malformed package is refused with exit 1 and its message; the folder is unchanged', async () => {
    const dataDir = await withDemo();
    const withoutMarker = async () => {
      const hashes = await hashFolder(dataDir);
      delete hashes['index/clean'];
      return hashes;
    };
    const before = await withoutMarker();
    for (const [name, message] of [
      ['hash-mismatch.rdpkg', '与清单中的 sha256 校验值不符'],
      ['path-dotdot.rdpkg', '含有“..”'],
      ['not-a-zip.rdpkg', '不是 zip 格式'],
    ]) {
      const run = await cli(dataDir, 'package', 'import', path.join(corpus, name), '--as', office.supervisorName, '--trust');
      expect(run.code, name).toBe(1);
      expect(run.err).toContain(message);
    }
    const missing = await cli(dataDir, 'package', 'import', path.join(corpus, 'no-such-file.rdpkg'), '--as', office.supervisorName);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('无法读取文件');
    expect(await withoutMarker()).toEqual(before);
  });
});
