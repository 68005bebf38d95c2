import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../api/dispatcher';
import type { Result } from '../api/result';
import { describeFinding, type IntegrityFinding } from '../core/review/integrity-messages';
import { isDomainError } from '../core/common/errors';
import { coded, formatMessage, type MessageLanguage } from '../core/common/messages';
import { unlockSupervisorKey } from '../core/profiles/keys';
import { defaultDataDir, openStore, type Store } from '../store/open-store';
import { readIdentity } from '../host/identity';
import { runExportCommand } from './export-command';
import { formatReport, formatReportList } from './format';
import { runPackageCommand } from './package-command';
import { runBackupCommand, runRestoreCommand } from './backup-command';
import { runSyncCommand } from './sync-command';

/** The help text in the CLI's language (the catalogue's `cliHelp`: zh-CN, or English with --lang en / REPORTDESK_LANG=en). */
export function cliUsage(language: MessageLanguage = 'zh-CN'): string {
  const part = (key: 'cliHelp.export' | 'cliHelp.package' | 'cliHelp.backup' | 'cliHelp.sync') => formatMessage(key, {}, language);
  return formatMessage(
    'cliHelp.main',
    { export: part('cliHelp.export'), package: part('cliHelp.package'), backup: part('cliHelp.backup'), sync: part('cliHelp.sync') },
    language,
  );
}

/**
 * A supervisor's passphrase for the CLI: the first line of `--passphrase-file`, else REPORTDESK_PASSPHRASE, else
 * asked for on the terminal (not echoed); undefined when none can be had (the act then says what is needed).
 */
async function readPassphrase(file: string | undefined): Promise<string | undefined> {
  if (file) {
    try {
      return (await readFile(file, 'utf8')).split(/\r?\n/)[0];
    } catch (error) {
      throw coded('invalid-input', 'cli.passphraseFile', { file, reason: (error as Error).message });
    }
  }
  if (process.env.REPORTDESK_PASSPHRASE) return process.env.REPORTDESK_PASSPHRASE;
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return promptHidden('主管口令：');
}

/**
 * The new passphrase and its repetition for `passphrase`: the first line of `--new-passphrase-file` (given once,
 * so it is its own repetition), else REPORTDESK_NEW_PASSPHRASE, else asked twice on the terminal.
 */
async function readNewPassphrase(file: string | undefined): Promise<[string, string]> {
  if (file) {
    try {
      const line = (await readFile(file, 'utf8')).split(/\r?\n/)[0];
      return [line, line];
    } catch (error) {
      throw coded('invalid-input', 'cli.passphraseFile', { file, reason: (error as Error).message });
    }
  }
  const fromEnvironment = process.env.REPORTDESK_NEW_PASSPHRASE;
  if (fromEnvironment) return [fromEnvironment, fromEnvironment];
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw coded('invalid-input', 'cli.newPassphraseNeeded');
  }
  const first = await promptHidden('新口令：');
  return [first, await promptHidden('再输入一次新口令：')];
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let answer = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(answer);
          return;
        }
        if (char === '\u0003') process.exit(130);
        answer = char === '\u007f' ? answer.slice(0, -1) : answer + char;
      }
    };
    stdin.on('data', onData);
  });
}

/** A failure the CLI reports on stderr with exit code 1. */
class CliError extends Error {}

/**
 * The language of the CLI's messages: `--lang en`, else the environment variable REPORTDESK_LANG=en, else zh-CN.
 * Errors raised by catalogue key are printed from the same catalogue the UI uses (core/common/messages.ts).
 */
export function cliLanguage(flag: string | undefined, environment: string | undefined = process.env.REPORTDESK_LANG): MessageLanguage {
  const wanted = (flag ?? environment ?? '').trim().toLowerCase();
  return wanted === 'en' || wanted.startsWith('en-') || wanted.startsWith('en_') ? 'en' : 'zh-CN';
}

/** A failure in the chosen language: a coded error from the catalogue, anything unexpected as 出错了 / Error. */
function cliMessage(error: unknown, language: MessageLanguage, stack: boolean): string {
  if (isDomainError(error)) return error.key ? formatMessage(error.key, error.params, language) : error.message;
  if (error instanceof CliError) return error.message;
  const details = error instanceof Error ? (stack ? (error.stack ?? error.message) : error.message) : String(error);
  return formatMessage('cli.unexpected', { details }, language);
}

function unwrap<T>(result: Result<T>, language: MessageLanguage): T {
  if (result.ok) return result.value;
  const details = result.error.issues?.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
  const message = result.error.key ? formatMessage(result.error.key, result.error.params, language) : result.error.message;
  throw new CliError(`${message} [${result.error.code}]${details ? `\n${details}` : ''}`);
}

const cliOptions = {
  data: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  kind: { type: 'string' },
  status: { type: 'string' },
  period: { type: 'string' },
  layout: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  date: { type: 'string' },
  organiser: { type: 'string' },
  ids: { type: 'string' },
  revision: { type: 'string' },
  author: { type: 'string' },
  appendix: { type: 'boolean', default: false },
  'without-comments': { type: 'boolean', default: false },
  'since-last': { type: 'boolean', default: false },
  to: { type: 'string' },
  manager: { type: 'string' },
  trust: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseCliArgs(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: cliOptions });
}

type CliValues = ReturnType<typeof parseCliArgs>['values'];
type Writer = (text: string) => void;

/** What a command that works on an open data folder is given. */
interface CommandContext {
  services: Store['services'];
  values: CliValues;
  /** The positionals after the command. */
  rest: string[];
  language: MessageLanguage;
  out: Writer;
  err: Writer;
  /** Call the API as `profileId`; a failure becomes a CliError. */
  call: <T>(channel: string, profileId: string | null, input: unknown) => Promise<T>;
  /** The profile the command acts as: --as (id or name), else the last one used. */
  resolveProfile: () => Promise<string>;
  /** Print `value` as JSON with --json, else its text. */
  print: (value: unknown, text: () => string) => void;
}

/** A command on an open data folder; returns the exit code. */
type Command = (context: CommandContext) => Promise<number>;

/** Unlock a supervisor's signing key with their passphrase before an act that signs. */
async function unlockIfSupervisor(context: CommandContext, profileId: string, signs: boolean): Promise<void> {
  const profile = await context.services.profiles.get(profileId);
  if (profile?.role === 'supervisor' && signs) {
    const passphrase = await readPassphrase(context.values['passphrase-file']);
    await unlockSupervisorKey({ profile, services: context.services }, profile, passphrase);
  }
}

async function demoCommand({ call, print }: CommandContext): Promise<number> {
  const result = await call<{ profiles: number; reports: number; skipped: number }>('demo:load', null, {});
  print(result, () => `已载入示例数据：${result.profiles} 个身份，${result.reports} 篇文稿（跳过已存在的 ${result.skipped} 项）`);
  return 0;
}

async function profilesCommand({ call, print }: CommandContext): Promise<number> {
  const profiles = await call<{ id: string; name: string; role: string; unit: string }[]>('profiles:list', null, {});
  print(profiles, () =>
    profiles.length
      ? profiles.map((p) => `${p.id}\t${p.name}\t${p.role === 'manager' ? '客户经理' : '主管'}\t${p.unit}`).join('\n')
      : '（本机还没有用户身份）',
  );
  return 0;
}

async function passphraseCommand({ call, print, resolveProfile, values }: CommandContext): Promise<number> {
  const profileId = await resolveProfile();
  const current = await readPassphrase(values['passphrase-file']);
  if (current === undefined) throw coded('invalid-input', 'cli.currentPassphraseNeeded');
  const [passphrase, repeat] = await readNewPassphrase(values['new-passphrase-file']);
  await call('profiles:change-passphrase', profileId, { current, passphrase, repeat });
  print({ changed: true }, () => '口令已修改：同一把签名密钥已用新口令重新加密，指纹不变；原口令从此无效');
  return 0;
}

async function listCommand({ call, print, resolveProfile, values }: CommandContext): Promise<number> {
  const filter: Record<string, string> = {};
  for (const key of ['kind', 'status', 'period'] as const) if (values[key]) filter[key] = values[key]!;
  const list = await call<Parameters<typeof formatReportList>[0]>('reports:list', await resolveProfile(), filter);
  print(list, () => formatReportList(list));
  return 0;
}

async function showCommand({ call, print, resolveProfile, rest }: CommandContext): Promise<number> {
  if (!rest[0]) throw coded('invalid-input', 'cli.showUsage');
  const value = await call<Parameters<typeof formatReport>[0]>('reports:get', await resolveProfile(), { id: rest[0] });
  print(value, () => formatReport(value));
  return 0;
}

async function problemsCommand({ call, print }: CommandContext): Promise<number> {
  const problems = await call<{ file: string; movedTo: string; reason: string }[]>('store:problems', null, {});
  print(problems, () =>
    problems.length ? problems.map((p) => `${p.file} → ${p.movedTo || '(未移动)'}：${p.reason}`).join('\n') : '没有损坏的数据文件',
  );
  return 0;
}

async function exportCommand({ services, print, resolveProfile, rest, values: allValues }: CommandContext): Promise<number> {
  const profile = await services.profiles.get(await resolveProfile());
  if (!profile) throw coded('not-found', 'profile.missing');
  const { 'without-comments': withoutComments, ...values } = allValues;
  const written = await runExportCommand(services, profile, rest[0], { ...values, withoutComments });
  print(written, () => `已导出：${written.path}`);
  return 0;
}

async function packageCommand(context: CommandContext): Promise<number> {
  const { call, rest, values } = context;
  const profileId = await context.resolveProfile();
  // A supervisor signs review packages: their key is unlocked with the passphrase first (importing signs
  // nothing, and a refused import must leave the folder as it was).
  await unlockIfSupervisor(context, profileId, rest[0] === 'export-reviews');
  return runPackageCommand(
    (channel, input) => call(channel, profileId, input),
    rest[0],
    rest[1],
    {
      out: values.out,
      ids: values.ids,
      sinceLast: values['since-last'],
      to: values.to,
      manager: values.manager,
      trust: values.trust,
      dryRun: values['dry-run'],
      json: values.json,
    },
    context.out,
    context.err,
    context.language,
  );
}

async function syncCommand(context: CommandContext): Promise<number> {
  const { call, rest } = context;
  const profileId = await context.resolveProfile();
  // A supervisor signs the office roster, admissions and acks: their key is unlocked first (status only reads).
  await unlockIfSupervisor(context, profileId, rest[0] !== 'status');
  return runSyncCommand((channel, input) => call(channel, profileId, input), rest[0], rest[1], context.values.json, context.out, context.err, context.language);
}

async function verifyCommand({ call, print, resolveProfile, language }: CommandContext): Promise<number> {
  const result = await call<{ checked: number; problems: { docId: string; problems: IntegrityFinding[] }[] }>('review:verify-all', await resolveProfile(), {});
  const english = language === 'en';
  const count = result.problems.reduce((sum, report) => sum + report.problems.length, 0);
  print(result, () =>
    [
      ...result.problems.flatMap((report) =>
        report.problems.map((problem) => {
          const where = english ? (problem.line ? `line ${problem.line}` : 'document') : problem.line ? `第 ${problem.line} 行` : '整篇';
          return `${report.docId}\t${where}\t${describeFinding(problem, language)}`;
        }),
      ),
      english
        ? count
          ? `Checked ${result.checked} documents: the review records of ${result.problems.length} have problems (${count} in all)`
          : `Checked ${result.checked} documents: every review record is intact`
        : count
          ? `已检查 ${result.checked} 篇文稿，${result.problems.length} 篇的审阅记录有问题（共 ${count} 处）`
          : `已检查 ${result.checked} 篇文稿，审阅记录完好`,
    ].join('\n'),
  );
  return count ? 1 : 0;
}

/** The commands that work on an open data folder. */
const storeCommands: Record<string, Command> = {
  demo: demoCommand,
  profiles: profilesCommand,
  passphrase: passphraseCommand,
  list: listCommand,
  show: showCommand,
  problems: problemsCommand,
  export: exportCommand,
  package: packageCommand,
  sync: syncCommand,
  verify: verifyCommand,
};

/** Backup and restore open the data folder themselves (restore may write into a folder no store has opened). */
async function runBackupOrRestore(command: 'backup' | 'restore', values: CliValues, rest: string[], out: Writer, err: Writer, language: MessageLanguage): Promise<number> {
  try {
    if (command === 'backup') {
      return await runBackupCommand(
        { data: values.data, startDir: defaultDataDir(), out: values.out, identity: readIdentity(), json: values.json },
        out,
      );
    }
    return await runRestoreCommand(rest[0], { data: values.data, replace: values.replace, identity: readIdentity(), json: values.json }, out, err, language);
  } catch (error) {
    err(cliMessage(error, language, false));
    return 1;
  }
}

/** Open the data folder, run one command on it through the API dispatcher, and close it again. */
async function runStoreCommand(command: Command, values: CliValues, rest: string[], out: Writer, err: Writer, language: MessageLanguage): Promise<number> {
  let store: Store | null = null;
  try {
    store = await openStore({ dataDir: values.data ?? defaultDataDir() });
    const services = store.services;
    const dispatcher = createDispatcher(services, { identity: readIdentity(), logError: () => undefined });
    const call = async <T>(channel: string, profileId: string | null, input: unknown) =>
      unwrap((await dispatcher.dispatch(channel, profileId, input)) as Result<T>, language);

    const resolveProfile = async (): Promise<string> => {
      const profiles = await services.profiles.list();
      const wanted = values.as;
      if (wanted) {
        const match = profiles.find((profile) => profile.id === wanted || profile.name === wanted);
        if (!match) throw coded('not-found', 'cli.profileNotFound', { name: wanted, known: profiles.map((p) => p.name).join('、') || '—' });
        return match.id;
      }
      const last = (await services.settings.get()).lastProfileId;
      if (last && profiles.some((profile) => profile.id === last)) return last;
      throw coded('invalid-input', 'cli.chooseProfile');
    };
    const print = (value: unknown, text: () => string) => out(values.json ? JSON.stringify(value, null, 2) : text());
    return await command({ services, values, rest, language, out, err, call, resolveProfile, print });
  } catch (error) {
    err(cliMessage(error, language, true));
    return 1;
  } finally {
    await store?.close();
  }
}

/** Run one CLI command; returns the exit code. Output goes to the given writers (tests capture them). */
export async function runCli(
  argv: string[],
  out: Writer = (text) => process.stdout.write(`${text}\n`),
  err: Writer = (text) => process.stderr.write(`${text}\n`),
): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    // The options could not be read, --lang among them: the environment (or zh-CN) chooses the language.
    err(`${(error as Error).message}\n\n${cliUsage(cliLanguage(undefined))}`);
    return 2;
  }
  const language = cliLanguage(parsed.values.lang);
  const [command, ...rest] = parsed.positionals;
  if (!command || command === 'help' || parsed.values.help) {
    out(cliUsage(language));
    return command || parsed.values.help ? 0 : 2;
  }
  const known = ['demo', 'profiles', 'passphrase', 'list', 'show', 'problems', 'verify', 'export', 'package', 'sync', 'backup', 'restore'];
  if (!known.includes(command)) {
    err(`${formatMessage('cli.unknownCommand', { command }, language)}\n\n${cliUsage(language)}`);
    return 2;
  }
  if (command === 'backup' || command === 'restore') return runBackupOrRestore(command, parsed.values, rest, out, err, language);
  return runStoreCommand(storeCommands[command], parsed.values, rest, out, err, language);
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
