import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ErrorIssue } from '../shared/errors';
import { DomainError } from '../shared/errors';
import { templateSchema, type Template } from './schema';

/** The file format of an exported template (`*.rdtpl.json`). */
export const templateFileFormat = 'reportdesk-template';
export const templateFileVersion = 1;

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

/**
 * Parse a template file and validate it, with errors that name the field and the line: a writer fixing a
 * file by hand needs "第 12 行 sections.2.kind：…", not "invalid input".
 */
export function parseTemplateFile(text: string, fileName = '模板文件'): Template {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const first = errors[0];
    const where = first ? lineAndColumn(text, first.offset) : { line: 1, column: 1 };
    const what = first ? syntaxMessages[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error) : '文件为空';
    throw new DomainError('invalid-input', `${fileName} 第 ${where.line} 行第 ${where.column} 列：${what}`, {
      issues: [{ path: `line ${where.line}`, message: what }],
    });
  }
  const json = JSON.parse(text) as { format?: unknown; formatVersion?: unknown; template?: unknown };
  if (json.format !== templateFileFormat) {
    throw new DomainError('invalid-input', `${fileName} 不是报告台模板文件（缺少 "format": "${templateFileFormat}"）`);
  }
  if (json.formatVersion !== templateFileVersion) {
    throw new DomainError('invalid-input', `${fileName} 的格式版本 ${String(json.formatVersion)} 不受支持（支持 ${templateFileVersion}）`);
  }
  const result = templateSchema.safeParse(json.template);
  if (result.success) return result.data;
  const issues: ErrorIssue[] = result.error.issues.map((issue) => {
    const path = ['template', ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
    let node = findNodeAtLocation(tree, path);
    for (let depth = path.length - 1; !node && depth > 0; depth--) node = findNodeAtLocation(tree, path.slice(0, depth));
    const { line } = lineAndColumn(text, node?.offset ?? 0);
    return { path: `第 ${line} 行 ${issue.path.join('.') || 'template'}`, message: issue.message };
  });
  throw new DomainError('invalid-input', `${fileName} 内容有误：${issues.map((issue) => `${issue.path}：${issue.message}`).join('；')}`, {
    issues,
  });
}
