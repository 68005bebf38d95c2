import { DomainError, type ErrorCode, type ErrorIssue } from './errors';

/**
 * The core's message catalogue: errors the core raises (as a code and parameters), completeness issues and
 * other text the core writes for people, in zh-CN and English. The renderer loads the same objects into
 * i18next (namespace key `core.*`), the CLI and exports render them with `formatMessage`; a unit test checks
 * both languages have the same keys. Parameters are written `{{name}}` (i18next's syntax).
 */
export const coreMessagesZh = {
  profile: {
    required: '请先选择或创建一个用户身份',
    missing: '当前用户身份不存在，请重新选择',
    managerOnly: '只有客户经理可以执行此操作',
    supervisorOnly: '只有主管可以执行此操作',
  },
  roles: { manager: '客户经理', supervisor: '主管' },
  api: {
    unknownChannel: '未知的接口：{{channel}}',
    badInput: '输入不正确：{{details}}',
    badOutput: '内部错误：返回数据不符合接口定义',
    internal: '内部错误：{{details}}',
  },
  report: {
    notFound: '找不到该文稿，可能已被删除',
    templateVersionMissing: '找不到文稿所用的模板版本：{{templateId}} v{{version}}',
    templateNotFound: '找不到该模板',
    badMetadata: '基本信息不符合模板',
    badContent: '文稿内容不符合模板',
    notAuthor: '只能修改自己撰写的文稿',
    notEditable: '文稿已提交或已通过，不能再修改',
    deleteOnlyDraft: '只有未提交过的草稿可以删除',
    deleteHasLog: '这篇文稿已有审阅记录（提交或撤回过），不能删除',
    changedElsewhere: '文稿已在别处被修改（另一个窗口或导入），请比较两个版本后再保存',
    overlap: '另一个窗口也修改了同一部分（{{parts}}），请选择保留哪一个版本',
    changedBeforeDelete: '文稿已在别处被修改，请刷新后再删除',
    duplicateId: '已存在相同编号的文稿',
  },
  submit: {
    notAuthor: '只能提交自己撰写的文稿',
    alreadySubmitted: '文稿已提交或已通过，不能重复提交',
    stale: '文稿已在别处被修改，请刷新后再提交',
    incomplete: '还有 {{count}} 项未完成，不能提交：{{list}}',
  },
  withdraw: {
    notAuthor: '只能撤回自己提交的文稿',
    notSubmitted: '只有已提交、尚未审阅的文稿可以撤回',
    opened: '主管已打开这篇文稿，不能再撤回；如需修改请联系主管退回',
  },
  review: {
    notSubmitted: '只能审阅已提交的文稿',
    unknownGrade: '未知的等级：{{grade}}（可选：{{options}}）',
    unknownGradeShort: '未知的等级',
    reasonRequired: '评定为“{{grade}}”时必须说明理由',
    fillReason: '请填写理由',
    reopenOnlyApproved: '只有已通过的文稿可以重新打开',
    noSection: '文稿没有此章节：{{sectionId}}',
    sectionMissing: '章节不存在',
    notText: '“{{section}}”不是文字章节',
    notTextShort: '不是文字章节',
    quoteGone: '所选文字在该版本中不存在（可能已被修改），请重新选择',
    quoteGoneShort: '所选文字不存在',
    noRow: '表格“{{section}}”中没有该行',
    noRowShort: '行不存在',
    noColumn: '表格“{{section}}”中没有“{{column}}”列',
    noColumnShort: '列不存在',
    draftNoComment: '文稿尚未提交，不能点评',
    commentNotFound: '找不到该点评',
    ownCommentOnly: '只能修改或撤回自己的点评',
    commentRetracted: '该点评已撤回',
    commentRetractedNoReply: '该点评已撤回，不能回复',
    replyOwnOnly: '只能回复自己文稿上的点评',
    handleOwnOnly: '只能处理自己文稿上的点评',
    alreadyFixed: '该点评已标记为已整改',
    alreadyResolved: '该点评已确认解决',
    notFixedYet: '该点评尚未整改，无需重新打开',
    reopenReason: '重新打开点评时请说明原因',
    fillCause: '请填写原因',
    revisionNotFound: '找不到第 {{revision}} 次提交的版本',
  },
  completeness: {
    metadata: '基本信息“{{label}}”未填写',
    emptySection: '“{{section}}”未填写',
    tooShort: '“{{section}}”仅 {{length}} 字，至少需要 {{min}} 字',
    placeholder: '“{{section}}”中还有未替换的占位符',
    blanks: '“{{section}}”中还有 {{count}} 处“（ ）”空白未填写',
    emptyTable: '表格“{{section}}”没有数据',
    tableRows: '表格“{{section}}”至少需要 {{needed}} 行数据，现有 {{filled}} 行',
    emptyField: '“{{section}}”的“{{field}}”未填写',
  },
  template: {
    carryColumn: '“{{section}}”的基于上期对应关系引用了不存在或自动计算的列：{{column}}',
  },
  calendar: {
    badDate: '日期格式应为 YYYY-MM-DD：{{date}}',
    both: '{{date}} 不能同时是节假日和调休工作日',
    supervisorOnly: '只有主管可以修改办公日历',
  },
  parts: {
    metadata: '基本信息“{{field}}”',
    section: '“{{section}}”',
    row: '“{{section}}”第 {{row}} 行',
  },
  session: {
    notActive: '这个窗口当前的身份是“{{active}}”，请求却要以另一个身份操作，已拒绝。要换身份，请用「切换身份」重新选择（主管需要输入口令）',
    noneActive: '这个窗口还没有选择身份，请求却要以某个身份操作，已拒绝。请先选择身份（主管需要输入口令）',
    passphraseSupervisorOnly: '只有主管身份的签名密钥有口令，客户经理不需要修改口令',
    passphraseTooShort: '新口令至少 {{minimum}} 个字符',
    passphraseRepeat: '两次输入的新口令不一致',
    passphraseSame: '新口令与原口令相同，请换一个',
    passphraseNotSet: '主管身份“{{name}}”的密钥还没有口令保护：请先在切换身份时设置口令',
    passphraseWrong: '原口令不正确，口令没有修改',
  },
  export: {
    openDesktopOnly: '只有桌面版可以直接打开导出的文件。浏览器模式下文件已作为下载交给浏览器，请在浏览器的下载列表中打开',
    openFailed: '无法打开文件 {{path}}：{{problem}}',
    openNotSaved: '只能打开本次运行中通过“保存”对话框保存的导出文件',
  },
  xlsxImport: {
    rowsCut: '工作表“{{sheet}}”超过 {{limit}} 行的上限：只导入了前 {{kept}} 行，其余的行没有导入。请把表格拆成几个文件分别导入',
    columnsCut: '工作表“{{sheet}}”超过 {{limit}} 列的上限：第 {{limit}} 列之后的列没有读取',
    sheetsCut: '工作簿超过 {{limit}} 个工作表的上限：只读取了前 {{limit}} 个工作表，其余的没有读取',
  },
};

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type CoreMessages = Catalogue<typeof coreMessagesZh>;

export const coreMessagesEn: CoreMessages = {
  profile: {
    required: 'Choose or create a profile first',
    missing: 'The current profile no longer exists; choose one again',
    managerOnly: 'Only a customer manager may do this',
    supervisorOnly: 'Only a supervisor may do this',
  },
  roles: { manager: 'customer manager', supervisor: 'supervisor' },
  api: {
    unknownChannel: 'Unknown channel: {{channel}}',
    badInput: 'Invalid input: {{details}}',
    badOutput: 'Internal error: the result does not match the channel definition',
    internal: 'Internal error: {{details}}',
  },
  report: {
    notFound: 'Document not found; it may have been deleted',
    templateVersionMissing: 'The template version of this document is missing: {{templateId}} v{{version}}',
    templateNotFound: 'Template not found',
    badMetadata: 'The details do not match the template',
    badContent: 'The content does not match the template',
    notAuthor: 'You can only change documents you wrote',
    notEditable: 'The document was submitted or approved and can no longer be changed',
    deleteOnlyDraft: 'Only drafts that were never submitted can be deleted',
    deleteHasLog: 'This document has review records (it was submitted or withdrawn) and cannot be deleted',
    changedElsewhere: 'The document was changed elsewhere (another window or an import); compare both versions before saving',
    overlap: 'Another window changed the same part ({{parts}}); choose which version to keep',
    changedBeforeDelete: 'The document was changed elsewhere; refresh before deleting',
    duplicateId: 'A document with this id already exists',
  },
  submit: {
    notAuthor: 'You can only submit documents you wrote',
    alreadySubmitted: 'The document was already submitted or approved',
    stale: 'The document was changed elsewhere; refresh before submitting',
    incomplete: '{{count}} item(s) still open, cannot submit: {{list}}',
  },
  withdraw: {
    notAuthor: 'You can only withdraw documents you submitted',
    notSubmitted: 'Only a submitted document that has not been reviewed can be withdrawn',
    opened: 'The supervisor has already opened this document; ask them to return it instead',
  },
  review: {
    notSubmitted: 'Only submitted documents can be reviewed',
    unknownGrade: 'Unknown grade: {{grade}} (choose from: {{options}})',
    unknownGradeShort: 'Unknown grade',
    reasonRequired: 'A reason is required for the grade “{{grade}}”',
    fillReason: 'Enter a reason',
    reopenOnlyApproved: 'Only approved documents can be reopened',
    noSection: 'The document has no such section: {{sectionId}}',
    sectionMissing: 'No such section',
    notText: '“{{section}}” is not a text section',
    notTextShort: 'Not a text section',
    quoteGone: 'The selected text is not in this revision (it may have changed); select it again',
    quoteGoneShort: 'Selected text not found',
    noRow: 'The table “{{section}}” has no such row',
    noRowShort: 'No such row',
    noColumn: 'The table “{{section}}” has no column “{{column}}”',
    noColumnShort: 'No such column',
    draftNoComment: 'The document has not been submitted; it cannot be commented on',
    commentNotFound: 'Comment not found',
    ownCommentOnly: 'You can only edit or withdraw your own comments',
    commentRetracted: 'The comment was withdrawn',
    commentRetractedNoReply: 'The comment was withdrawn; it cannot be replied to',
    replyOwnOnly: 'You can only reply to comments on your own documents',
    handleOwnOnly: 'You can only handle comments on your own documents',
    alreadyFixed: 'The comment is already marked as fixed',
    alreadyResolved: 'The comment is already resolved',
    notFixedYet: 'The comment has not been fixed yet; there is nothing to reopen',
    reopenReason: 'Say why the comment is reopened',
    fillCause: 'Enter a reason',
    revisionNotFound: 'Submission {{revision}} not found',
  },
  completeness: {
    metadata: 'Detail “{{label}}” is empty',
    emptySection: '“{{section}}” is empty',
    tooShort: '“{{section}}” has only {{length}} characters; at least {{min}} are needed',
    placeholder: '“{{section}}” still has placeholders to replace',
    blanks: '“{{section}}” still has {{count}} blank(s) “（ ）” to fill in',
    emptyTable: 'The table “{{section}}” has no figures',
    tableRows: 'The table “{{section}}” needs at least {{needed}} rows of figures; it has {{filled}}',
    emptyField: '“{{field}}” in “{{section}}” is empty',
  },
  template: {
    carryColumn: 'The carry-over mapping of “{{section}}” names a column that does not exist or is computed: {{column}}',
  },
  calendar: {
    badDate: 'Dates are written YYYY-MM-DD: {{date}}',
    both: '{{date}} cannot be both a holiday and a make-up workday',
    supervisorOnly: 'Only a supervisor may change the office calendar',
  },
  parts: {
    metadata: 'detail “{{field}}”',
    section: '“{{section}}”',
    row: 'row {{row}} of “{{section}}”',
  },
  session: {
    notActive: 'This window is signed in as “{{active}}”; the request asked to act as someone else and was refused. To change profile, use “Switch profile” (a supervisor needs their passphrase).',
    noneActive: 'This window has not chosen a profile yet; the request asked to act as someone and was refused. Choose a profile first (a supervisor needs their passphrase).',
    passphraseSupervisorOnly: 'Only a supervisor’s signing key has a passphrase; a customer manager has none to change.',
    passphraseTooShort: 'The new passphrase needs at least {{minimum}} characters.',
    passphraseRepeat: 'The two entries of the new passphrase differ.',
    passphraseSame: 'The new passphrase is the same as the current one; choose another.',
    passphraseNotSet: 'The key of supervisor “{{name}}” has no passphrase yet: set one when choosing the profile.',
    passphraseWrong: 'The current passphrase is wrong; the passphrase was not changed.',
  },
  export: {
    openDesktopOnly: 'Only the desktop app can open an exported file. In the browser the file was handed to the browser as a download; open it from the browser’s download list.',
    openFailed: 'Could not open the file {{path}}: {{problem}}',
    openNotSaved: 'Only exports saved through the Save dialog during this run can be opened',
  },
  xlsxImport: {
    rowsCut: 'Sheet “{{sheet}}” is over the limit of {{limit}} rows: only its first {{kept}} rows were imported; the rest were not. Split the sheet into several files to import them.',
    columnsCut: 'Sheet “{{sheet}}” is over the limit of {{limit}} columns: columns after column {{limit}} were not read.',
    sheetsCut: 'The workbook is over the limit of {{limit}} sheets: only the first {{limit}} sheets were read; the rest were not.',
  },
};

export const coreMessages = { 'zh-CN': coreMessagesZh as CoreMessages, en: coreMessagesEn } as const;
export type MessageLanguage = keyof typeof coreMessages;
export type MessageParams = Record<string, string | number>;

/** Dotted keys of the catalogue (`report.notFound`). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof coreMessagesZh>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A catalogue message with its parameters filled in (zh-CN unless told), for the CLI, exports and the default text. */
export function formatMessage(key: MessageKey | string, params: MessageParams = {}, language: MessageLanguage = 'zh-CN'): string {
  const template = lookup(coreMessages[language], key) ?? lookup(coreMessages['zh-CN'], key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every dotted key of a catalogue tree (for the completeness test). */
export function catalogueKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => catalogueKeys(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * A DomainError raised by catalogue key: the message is the zh-CN text (what older clients show), and the key
 * and parameters travel in the error so each surface renders it in the person's language.
 */
export function coded(
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
  options?: { issues?: ErrorIssue[]; details?: unknown },
): DomainError {
  return new DomainError(code, formatMessage(key, params), { ...options, key, ...(params ? { params } : {}) });
}
