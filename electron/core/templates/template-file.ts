import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { ErrorIssue } from '../common/errors';
import { templateSchema, type Template } from '../common/schemas/template';
import { coded } from '../common/messages';

/** The file format of an exported template (`*.rdtpl.json`). */
export const templateFileFormat = 'reportdesk-template';
/** 2: templates carry their publisher and content hash (files of format 1 are still read). */
export const templateFileVersion = 2;

/** A template as a file another office or machine can import. */
export function templateToFile(template: Template): string {
  return `${JSON.stringify({ format: templateFileFormat, formatVersion: templateFileVersion, template }, null, 2)}\n`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const syntaxMessages: Record<string, string> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '缺少属性名',
  ValueExpected: '缺少值',
  ColonExpected: '缺少冒号',
  CommaExpected: '缺少逗号',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '文件结尾有多余内容',
  InvalidCommentToken: '不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '无效的字符',
};

/** Names of a template file's keys in the words of the editor. */
const keyNames: Record<string, string> = {
  id: '编号', version: '版本号', name: '名称', kind: '类型', cadence: '撰写周期', description: '说明', builtIn: '内置',
  titlePattern: '标题格式', subjectKey: '对象字段', metadataFields: '基本信息字段', sections: '章节', createdAt: '创建时间',
  createdBy: '创建人', publisher: '发布人', retired: '停用', contentHash: '内容指纹', profileId: '编号',
  title: '标题', guidance: '撰写要求', required: '必填', minLength: '最少字数', analysis: '分析部分', starterText: '初始文字',
  table: '表格', fields: '字段', carryForwardFrom: '承接上期', columns: '列', key: '键名', label: '名称', type: '类型',
  unit: '单位', decimals: '小数位数', formula: '公式', options: '选项', starterRows: '初始行', totalsRow: '合计行',
  minRows: '最少行数', sentenceRules: '生成描述规则', chart: '图表', source: '默认值来源', category: '分类列', series: '数据列',
  when: '适用范围', text: '文字', rowMatch: '行条件', column: '列', equals: '等于',
};

/** Chinese names of the values a file may use, by the key that holds them. */
const valueNames: Record<string, Record<string, string>> = {
  sectionKind: { richtext: '文字', table: '表格', fields: '字段' },
  templateKind: { 'market-analysis': '市场分析报告', research: '调研报告', 'guidance-booklet': '经营指导书', 'work-log': '工作日志', custom: '自定义' },
  cadence: { daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', none: '不定期' },
  fieldType: { text: '文本', date: '日期', month: '月份', number: '数字', select: '选择' },
  columnType: { text: '文本', integer: '整数', decimal: '小数', percent: '百分比', money: '金额', date: '日期' },
  source: { 'profile-name': '本人姓名', 'profile-unit': '本人片区', today: '今天', 'this-month': '本月' },
  when: { row: '每行', totals: '合计行', table: '整张表' },
  chart: { bar: '柱状图', line: '折线图', pie: '饼图' },
};

function valueGroup(path: (string | number)[]): Record<string, string> | undefined {
  const last = path[path.length - 1];
  const parent = path.filter((part) => typeof part === 'string').slice(-2, -1)[0];
  if (last === 'kind') return path.length === 2 ? valueNames.templateKind : valueNames.sectionKind;
  if (last === 'cadence') return valueNames.cadence;
  if (last === 'source') return valueNames.source;
  if (last === 'when') return valueNames.when;
  if (last === 'type') return parent === 'chart' ? valueNames.chart : parent === 'columns' ? valueNames.columnType : valueNames.fieldType;
  return undefined;
}

const typeNames: Record<string, string> = {
  string: '文字（加英文双引号）',
  number: '数字（不加引号）',
  boolean: 'true 或 false（是/否，不加引号）',
  array: '列表（用 [ ] 括起）',
  object: '一组设置（用 { } 括起）',
};

function describeValue(value: unknown): string {
  if (value === undefined) return '缺少';
  if (typeof value === 'string') return `文字 "${value}"`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '列表';
  if (value === null) return 'null';
  return '一组设置';
}

/** Where a path points, as the editor numbers it: 第 4 章“走访情况”的第 2 列“销量”的类型. */
export function describePath(json: unknown, path: (string | number)[]): string {
  const words: string[] = [];
  let node: unknown = json;
  let container = '';
  path.forEach((part, index) => {
    const child = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      const named = child && typeof child === 'object' ? ((child as { title?: unknown; label?: unknown }).title ?? (child as { label?: unknown }).label) : undefined;
      const suffix = typeof named === 'string' && named ? `“${named}”` : '';
      if (container === 'sections') words.push(`第 ${part + 1} 章${suffix}`);
      else if (container === 'columns') words.push(`第 ${part + 1} 列${suffix}`);
      else if (container === 'metadataFields') words.push(`基本信息第 ${part + 1} 项${suffix}`);
      else if (container === 'fields') words.push(`第 ${part + 1} 个字段${suffix}`);
      else words.push(`${keyNames[container] ?? container}第 ${part + 1} 项`);
      if (container !== 'sections' && container !== 'metadataFields' && words.length > 1) {
        // "第 4 章的列的第 2 列" reads badly: the list's own name is dropped before its item.
        const listWord = keyNames[container];
        if (words[words.length - 2] === listWord) words.splice(words.length - 2, 1);
      }
    } else if (part !== 'template' && part !== 'sections' && part !== 'metadataFields') {
      // A table's columns are named by themselves (第 2 章的第 4 列), the table only when it is what is meant.
      if (part !== 'table' || index === path.length - 1) words.push(keyNames[part] ?? part);
    }
    container = typeof part === 'string' ? part : container;
    node = child;
  });
  return words.join('的') || '模板';
}

function valueAt(json: unknown, path: (string | number)[]): unknown {
  let node = json;
  for (const part of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
  return node;
}

/** A schema problem in the words of someone fixing the file by hand. */
function issueMessage(issue: z.core.$ZodIssue, json: unknown, path: (string | number)[]): string {
  const actual = valueAt(json, path);
  switch (issue.code) {
    case 'invalid_value': {
      const names = valueGroup(path);
      const values = (issue.values as unknown[]).map((value) => `"${String(value)}"${names?.[String(value)] ? `（${names[String(value)]}）` : ''}`);
      return `应为以下之一：${values.join('、')}，文件中是${describeValue(actual)}`;
    }
    case 'invalid_type':
      if (actual === undefined) return '缺少此项';
      return `应为${typeNames[issue.expected] ?? issue.expected}，文件中是${describeValue(actual)}`;
    case 'too_small':
      if (typeof actual === 'string') return '不能为空';
      if (Array.isArray(actual)) return `至少需要 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (typeof actual === 'string') return `太长，最多 ${String(issue.maximum)} 个字`;
      if (Array.isArray(actual)) return `太多，最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `有不认识的项：${issue.keys.map((key) => `"${key}"`).join('、')}（可能是拼写错误，或由较新版本的报告台写出）`;
    case 'invalid_format':
      return `格式不对：${issue.message}`;
    default:
      return issue.message;
  }
}

/** Characters typed with a Chinese input method where the file needs ASCII punctuation. */
const fullWidth: Record<string, string> = {
  '：': '全角冒号“：”，请改为半角冒号“:”',
  '，': '全角逗号“，”，请改为半角逗号“,”',
  '“': '中文引号“，请改为英文双引号 "',
  '”': '中文引号”，请改为英文双引号 "',
  '｛': '全角花括号“｛”，请改为 {',
  '｝': '全角花括号“｝”，请改为 }',
  '【': '中文方括号“【”，请改为 [',
  '】': '中文方括号“】”，请改为 ]',
};

/** The line of a syntax error: a missing comma or bracket belongs to the end of the previous value, not the next line. */
function syntaxLocation(text: string, error: ParseError): { line: number; column: number; what: string } {
  const code = printParseErrorCode(error.error);
  const char = text.charAt(error.offset);
  if (fullWidth[char]) return { ...lineAndColumn(text, error.offset), what: fullWidth[char] };
  let offset = error.offset;
  if (code === 'CommaExpected' || code === 'CloseBraceExpected' || code === 'CloseBracketExpected' || code === 'ColonExpected') {
    let before = offset - 1;
    while (before >= 0 && /\s/.test(text.charAt(before))) before--;
    if (before >= 0) offset = before;
    const where = lineAndColumn(text, offset);
    return { line: where.line, column: where.column + 1, what: `${syntaxMessages[code] ?? code}（在这一行末尾）` };
  }
  return { ...lineAndColumn(text, offset), what: syntaxMessages[code] ?? code };
}

/** The line of a path in the file's tree (or of its nearest existing parent). */
export function lineOf(tree: Node | undefined, text: string, path: (string | number)[]): number {
  if (!tree) return 1;
  let node = findNodeAtLocation(tree, path);
  for (let depth = path.length - 1; !node && depth > 0; depth--) node = findNodeAtLocation(tree, path.slice(0, depth));
  return lineAndColumn(text, node?.offset ?? 0).line;
}

/** A parsed template file: the template, and where each of its paths is (for later checks such as formulas). */
export interface ParsedTemplateFile {
  template: Template;
  /** `第 N 行，第 4 章“走访情况”的第 2 列“销量”` for a path under `template`. */
  where(path: (string | number)[]): { line: number; label: string };
}

/**
 * Parse a template file and validate it, with errors a writer fixing the file by hand can act on: the line
 * (of the end of the value before a missing comma), the section and column as the editor numbers them, the
 * Chinese names of kinds and values, and 「全角冒号」 where an input method typed one.
 */
export function readTemplateFile(text: string, fileName = '模板文件'): ParsedTemplateFile {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const first = errors[0];
    const where = first ? syntaxLocation(text, first) : { line: 1, column: 1, what: '文件为空' };
    throw coded('invalid-input', 'template.fileSyntax', { file: fileName, line: where.line, column: where.column, what: where.what }, {
      issues: [{ path: `第 ${where.line} 行`, message: where.what }],
    });
  }
  const json = JSON.parse(text) as { format?: unknown; formatVersion?: unknown; template?: unknown };
  if (json.format !== templateFileFormat) {
    throw coded('invalid-input', 'template.fileNotTemplate', { file: fileName, format: templateFileFormat });
  }
  if (typeof json.formatVersion === 'number' && json.formatVersion > templateFileVersion) {
    throw coded('invalid-input', 'template.fileTooNew', { file: fileName, version: json.formatVersion, supported: templateFileVersion });
  }
  if (json.formatVersion !== templateFileVersion && json.formatVersion !== 1) {
    throw coded('invalid-input', 'template.fileVersion', { file: fileName, version: String(json.formatVersion), supported: templateFileVersion });
  }
  const where = (path: (string | number)[]) => ({ line: lineOf(tree, text, ['template', ...path]), label: describePath(json.template, path) });
  const result = templateSchema.safeParse(json.template);
  if (result.success) return { template: result.data, where };
  const issues: ErrorIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    const place = where(path);
    return { path: `第 ${place.line} 行，${place.label}`, message: issueMessage(issue, json.template, path) };
  });
  throw coded('invalid-input', 'template.fileInvalid', { file: fileName, details: issues.map((issue) => `${issue.path}：${issue.message}`).join('；') }, {
    issues,
  });
}

/** Parse and validate a template file (see `readTemplateFile`). */
export function parseTemplateFile(text: string, fileName = '模板文件'): Template {
  return readTemplateFile(text, fileName).template;
}
