/**
 * What `verify` finds, in words a supervisor understands: one code per kind of finding, with parameters, and
 * the sentence for it in zh-CN and English. The same text is used by the CLI (`describeFinding`) and by the UI
 * (the renderer's i18n group `integrity` is this catalog), so both say the same thing.
 */
/** Every kind of finding `verify` reports (the review views' schema checks a problem's code against it). */
export const integrityCodes = [
  'unreadable-line',
  'malformed-line',
  'chain-broken',
  'content-changed',
  'wrong-document',
  'torn-tail',
  'records-missing',
  'records-unregistered',
  'head-mismatch',
  'unsigned',
  'bad-signature',
  'unknown-author',
  'role-mismatch',
  'forbidden-record',
  'snapshot-mismatch',
  'revision-missing',
  'cache-status',
  'cache-grade',
  'cache-meeting',
  'document-missing',
  'log-missing',
  'record-moved',
  'record-missing-before',
  'dangling-reference',
  'workflow-gap',
] as const;
export type IntegrityCode = (typeof integrityCodes)[number];

export type FindingParams = Record<string, string | number>;

export interface IntegrityFinding {
  code: IntegrityCode;
  /** The log line (record number, from 1) the finding is about; 0 when it is about the whole document. */
  line: number;
  params: FindingParams;
}

export type IntegrityLanguage = 'zh-CN' | 'en';

/** i18next-style templates (`{{name}}`), one per code. */
export const integrityText: Record<IntegrityLanguage, Record<IntegrityCode | `word.${string}`, string>> = {
  'zh-CN': {
    'unreadable-line': '第 {{line}} 条记录无法解析（文件被改动或损坏）',
    'malformed-line': '第 {{line}} 条记录格式不正确：{{detail}}',
    'chain-broken': '第 {{line}} 条记录之前的记录被删除、插入或修改（哈希链断开）',
    'content-changed': '第 {{line}} 条记录的内容被修改（{{author}}，{{at}}）',
    'wrong-document': '第 {{line}} 条记录属于另一篇文稿',
    'torn-tail': '第 {{line}} 条：文件末尾有一条写入不完整的记录',
    'records-missing': '从第 {{line}} 条起少了 {{missing}} 条记录（应有 {{expected}} 条，现有 {{actual}} 条）',
    'records-unregistered': '第 {{line}} 条起的 {{extra}} 条记录未在文稿中登记（应有 {{expected}} 条，现有 {{actual}} 条），可能是伪造的',
    'head-mismatch': '第 {{line}} 条（最后一条）记录与文稿中登记的不一致：记录被删除、调换或替换过',
    unsigned: '第 {{line}} 条记录（{{author}}的{{type}}）没有签名，无法确认是本人所写',
    'bad-signature': '第 {{line}} 条记录（{{author}}的{{type}}）的签名与{{author}}的密钥不符：记录被改动过，或由他人冒名签署',
    'unknown-author': '第 {{line}} 条记录的作者“{{author}}”既不是本机身份，也不在信任列表中，无法核对签名',
    'role-mismatch': '第 {{line}} 条记录声称“{{author}}”是{{claimed}}，而本机登记此人是{{role}}',
    'forbidden-record': '第 {{line}} 条记录：“{{author}}”（{{role}}）无权{{type}}——{{rule}}',
    'snapshot-mismatch': '第 {{revision}} 次提交的版本与提交记录中的指纹不符：提交后的正文被改动过',
    'revision-missing': '第 {{revision}} 次提交的版本文件不见了',
    'cache-status': '文稿文件中登记的状态是“{{cached}}”，而审阅记录表明是“{{actual}}”：文稿文件被改动过',
    'cache-grade': '文稿文件中登记的等级是“{{cached}}”，而审阅记录中是“{{actual}}”：文稿文件被改动过',
    'cache-meeting': '文稿文件中登记的会议标记是“{{cached}}”，而审阅记录中是“{{actual}}”：文稿文件被改动过',
    'document-missing': '有一份审阅记录（{{records}} 条）找不到对应的文稿文件（{{docId}}）',
    'log-missing': '文稿登记了 {{expected}} 条审阅记录，但审阅记录文件不见了',
    'record-moved': '第 {{line}} 条记录（{{author}}的{{type}}）不在它被写下时的位置：它之前的记录被调换、插入或删除过',
    'record-missing-before': '第 {{line}} 条记录（{{author}}的{{type}}）写下时紧接在另一条记录之后，而那条记录已不在记录中：有记录被删除',
    'dangling-reference': '第 {{line}} 条记录（{{author}}的{{type}}）针对的点评已不在记录中：该点评被删除',
    'workflow-gap': '第 {{line}} 条记录（{{author}}的{{type}}，第 {{revision}} 版）之前缺少应有的{{missing}}：审阅记录被删除过',
    'word.none': '无',
    'word.role.manager': '客户经理',
    'word.role.supervisor': '主管',
    'word.status.draft': '草稿',
    'word.status.submitted': '已提交',
    'word.status.returned': '已退回',
    'word.status.approved': '已通过',
    'word.meeting.praise': '会上表扬',
    'word.meeting.critique': '会上讲评',
    'word.meeting.none': '无',
    'word.type.submit': '提交文稿',
    'word.type.withdraw': '撤回提交',
    'word.type.decision': '审阅决定',
    'word.type.reopen': '重新打开文稿',
    'word.type.comment': '点评',
    'word.type.comment-edit': '修改点评',
    'word.type.comment-retract': '撤回点评',
    'word.type.reply': '回复',
    'word.type.mark-fixed': '标记已整改',
    'word.type.resolve': '确认整改',
    'word.type.reopen-comment': '重新打开点评',
    'word.rule.supervisor-only': '只有主管可以这样做',
    'word.rule.document-author-only': '只有文稿作者本人可以这样做',
    'word.rule.author-or-supervisor': '只有文稿作者本人或主管可以这样做',
    'word.rule.comment-author-only': '只有点评的作者本人可以这样做',
  },
  en: {
    'unreadable-line': 'Record {{line}} cannot be read (the file was changed or damaged)',
    'malformed-line': 'Record {{line}} is not in the right format: {{detail}}',
    'chain-broken': 'A record before record {{line}} was deleted, inserted or changed (the hash chain is broken)',
    'content-changed': 'Record {{line}} was changed ({{author}}, {{at}})',
    'wrong-document': 'Record {{line}} belongs to another document',
    'torn-tail': 'Record {{line}}: the last record in the file was only partly written',
    'records-missing': '{{missing}} records are missing from record {{line}} on ({{expected}} expected, {{actual}} found)',
    'records-unregistered':
      'The {{extra}} records from record {{line}} on are not registered with the document ({{expected}} expected, {{actual}} found); they may be forged',
    'head-mismatch': 'Record {{line}} (the last one) does not match what the document registered: records were deleted, swapped or replaced',
    unsigned: 'Record {{line}} ({{type}} by {{author}}) is not signed: nothing shows that {{author}} wrote it',
    'bad-signature':
      "Record {{line}} ({{type}} by {{author}}) does not match {{author}}'s key: it was changed, or signed by someone else in their name",
    'unknown-author': 'The author of record {{line}}, "{{author}}", is neither a profile on this computer nor on the trust list: the signature cannot be checked',
    'role-mismatch': 'Record {{line}} says "{{author}}" is a {{claimed}}, but this computer knows them as a {{role}}',
    'forbidden-record': 'Record {{line}}: "{{author}}" ({{role}}) may not write a {{type}} — {{rule}}',
    'snapshot-mismatch': 'Submitted revision {{revision}} does not match the fingerprint in its submission record: its text was changed after submission',
    'revision-missing': 'The file of submitted revision {{revision}} is missing',
    'cache-status': 'The document file says "{{cached}}" but the review record says "{{actual}}": the document file was changed',
    'cache-grade': 'The document file says the grade is "{{cached}}" but the review record says "{{actual}}": the document file was changed',
    'cache-meeting': 'The document file says the meeting flag is "{{cached}}" but the review record says "{{actual}}": the document file was changed',
    'document-missing': 'A review record ({{records}} records) has no document file ({{docId}})',
    'log-missing': 'The document registers {{expected}} review records, but the review record file is missing',
    'record-moved': 'Record {{line}} ({{type}} by {{author}}) is not where it was written: records before it were swapped, inserted or deleted',
    'record-missing-before': 'Record {{line}} ({{type}} by {{author}}) was written right after another record that is no longer there: a record was deleted',
    'dangling-reference': 'Record {{line}} ({{type}} by {{author}}) is about a comment that is no longer there: the comment was deleted',
    'workflow-gap': 'Record {{line}} ({{type}} by {{author}}, revision {{revision}}) lacks the {{missing}} that must come before it: review records were deleted',
    'word.none': 'none',
    'word.role.manager': 'customer manager',
    'word.role.supervisor': 'supervisor',
    'word.status.draft': 'Draft',
    'word.status.submitted': 'Submitted',
    'word.status.returned': 'Returned',
    'word.status.approved': 'Approved',
    'word.meeting.praise': 'praise at the meeting',
    'word.meeting.critique': 'critique at the meeting',
    'word.meeting.none': 'none',
    'word.type.submit': 'submission',
    'word.type.withdraw': 'withdrawal',
    'word.type.decision': 'review decision',
    'word.type.reopen': 'reopening',
    'word.type.comment': 'comment',
    'word.type.comment-edit': 'comment edit',
    'word.type.comment-retract': 'comment retraction',
    'word.type.reply': 'reply',
    'word.type.mark-fixed': 'marked fixed',
    'word.type.resolve': 'fix confirmation',
    'word.type.reopen-comment': 'comment reopening',
    'word.rule.supervisor-only': 'only a supervisor may',
    'word.rule.document-author-only': "only the document's author may",
    'word.rule.author-or-supervisor': "only the document's author or a supervisor may",
    'word.rule.comment-author-only': "only the comment's author may",
  },
};

/** Parameters whose values are codes, and the word group that names them. */
const wordGroups: Record<string, string> = {
  type: 'type',
  role: 'role',
  claimed: 'role',
  rule: 'rule',
  missing: 'type',
};

/** The parameters of a finding with codes (record kinds, roles, statuses, rules) turned into words. */
export function findingWords(finding: Pick<IntegrityFinding, 'code' | 'params'>, language: IntegrityLanguage = 'zh-CN'): FindingParams {
  const text = integrityText[language];
  const word = (group: string, value: string | number) => text[`word.${group}.${value}`] ?? String(value);
  const out: FindingParams = {};
  for (const [key, value] of Object.entries(finding.params)) {
    let group = wordGroups[key];
    if (!group && (key === 'cached' || key === 'actual')) group = finding.code === 'cache-status' ? 'status' : finding.code === 'cache-meeting' ? 'meeting' : '';
    if (group) out[key] = word(group, value);
    else out[key] = value === '' ? text['word.none'] : value;
  }
  return out;
}

/** Fill `{{name}}` placeholders. */
export function fillTemplate(template: string, params: FindingParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** A finding in words, in the given language (zh-CN by default). */
export function describeFinding(finding: IntegrityFinding, language: IntegrityLanguage = 'zh-CN'): string {
  return fillTemplate(integrityText[language][finding.code], { line: finding.line, ...findingWords(finding, language) });
}
