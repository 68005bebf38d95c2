/**
 * A template version's identity is its content. Its id, version number and publisher never change when it
 * travels (file, exchange package, office folder), and `contentHash` is the sha256 of what defines it — not who
 * wrote the file down or when. The same version arriving twice is the same version; a different content under
 * the same id and version is refused, naming what differs.
 */
import { canonicalJson } from '../common/canonical';
import type { DomainError } from '../common/errors';
import { coded, formatMessage, type MessageKey, type MessageParams } from '../common/messages';
import type { TemplatesServices } from './ports';
import type { SectionDef, Template } from '../common/schemas/template';

/** Why an arriving template was refused (in `details.reason`, like the exchange refusals). */
export type TemplateRefusal = 'tampered-template' | 'template-hash-mismatch' | 'template-publisher' | 'template-builtin';

function refuseTemplate(
  reason: TemplateRefusal,
  key: MessageKey,
  params: MessageParams,
  code: 'conflict' | 'invalid-input' | 'forbidden' = 'conflict',
): DomainError {
  return coded(code, key, params, { details: { reason } });
}

/** What defines a version: everything but who stored it and when, whether it is built in, and the hash itself. */
function definingContent(template: Template): Omit<Template, 'createdAt' | 'createdBy' | 'builtIn' | 'contentHash'> {
  const { createdAt: _createdAt, createdBy: _createdBy, builtIn: _builtIn, contentHash: _contentHash, ...rest } = template;
  return rest;
}

/** The sha256 (hex) of what defines a template version. */
export function templateContentHash(template: Template, sha256: (text: string) => string): string {
  return sha256(canonicalJson(definingContent(template)));
}

/** The template with its content hash (computed now). */
export function withContentHash(template: Template, sha256: (text: string) => string): Template {
  return { ...template, contentHash: templateContentHash(template, sha256) };
}

const topLevelNames: Partial<Record<keyof Template, string>> = {
  id: '编号',
  version: '版本号',
  name: '名称',
  kind: '文稿类型',
  cadence: '撰写周期',
  description: '说明',
  titlePattern: '标题格式',
  subjectKey: '对象字段',
  metadataFields: '基本信息字段',
  publisher: '发布人',
  retired: '停用',
};

const sectionFieldNames: Record<keyof SectionDef, string> = {
  id: '编号',
  title: '标题',
  kind: '类型',
  guidance: '撰写要求',
  required: '必填',
  minLength: '最少字数',
  analysis: '分析部分',
  starterText: '初始文字',
  table: '表格',
  fields: '字段',
  carryForwardFrom: '承接上期',
};

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The fields in which two versions differ, in the words the editor uses: 名称, 第 2 章“工作内容”的最少字数, ….
 * Empty when they define the same template.
 */
export function differingFields(a: Template, b: Template): string[] {
  const differences: string[] = [];
  for (const [key, name] of Object.entries(topLevelNames) as [keyof Template, string][]) {
    if (!same(a[key], b[key])) differences.push(name);
  }
  const count = Math.max(a.sections.length, b.sections.length);
  if (a.sections.length !== b.sections.length) differences.push(`章节数（${a.sections.length} / ${b.sections.length}）`);
  for (let index = 0; index < count; index++) {
    const left = a.sections[index];
    const right = b.sections[index];
    if (!left || !right || same(left, right)) continue;
    const fields = (Object.keys(sectionFieldNames) as (keyof SectionDef)[]).filter((key) => !same(left[key], right[key]));
    differences.push(`第 ${index + 1} 章“${left.title}”的${fields.map((key) => sectionFieldNames[key]).join('、')}`);
  }
  return differences;
}

function publisherName(template: Template): string {
  // The word for “not named” is zh-CN here: a parameter's value is not translated (see the report on item 8).
  return template.publisher?.name ?? formatMessage('templateArrival.noPublisher');
}

/** Refuse a version whose stored hash does not match its content: it was edited by hand after it was published. */
export function assertHashMatches(template: Template, sha256: (text: string) => string, where: { file: string } | 'local' | null = null): void {
  if (!template.contentHash) return;
  if (templateContentHash(template, sha256) !== template.contentHash) {
    throw refuseTemplate(
      'template-hash-mismatch',
      where === 'local' ? 'templateArrival.hashMismatchLocal' : where ? 'templateArrival.hashMismatchFile' : 'templateArrival.hashMismatch',
      { name: template.name, version: template.version, publisher: publisherName(template), ...(where && where !== 'local' ? { file: where.file } : {}) },
      'invalid-input',
    );
  }
}

export type ArrivalStatus = 'new' | 'known' | 'builtin-differs';

/**
 * What an arriving template version is to this machine: new, the one already here (same content), or a built-in
 * that differs (another program version; this machine keeps its own). Throws, writing nothing, for a hash that
 * does not match the content, a different content under a known id and version, or a template id another
 * supervisor publishes here.
 */
export async function arrivalOf(services: Pick<TemplatesServices, 'templates' | 'hash'>, template: Template): Promise<ArrivalStatus> {
  const sha256 = (text: string) => services.hash.sha256(text);
  assertHashMatches(template, sha256);
  const local = await services.templates.get(template.id, template.version);
  if (local?.builtIn) return templateContentHash(local, sha256) === templateContentHash(template, sha256) ? 'known' : 'builtin-differs';
  const latest = await services.templates.get(template.id);
  if (latest?.builtIn) throw refuseTemplate('template-builtin', 'templateArrival.builtIn', { name: template.name }, 'forbidden');
  if (latest && !same(latest.publisher?.profileId ?? null, template.publisher?.profileId ?? null)) {
    throw refuseTemplate(
      'template-publisher',
      'templateArrival.publisher',
      { name: template.name, local: publisherName(latest), publisher: publisherName(template) },
    );
  }
  if (!local) return 'new';
  if (templateContentHash(local, sha256) === templateContentHash(template, sha256)) return 'known';
  throw refuseTemplate(
    'tampered-template',
    'templateArrival.tampered',
    { name: template.name, version: template.version, fields: differingFields(local, template).join('；') },
  );
}

/**
 * Accept a published template version from elsewhere (an exchange package today, the office folder of the sync
 * work later): checked by `arrivalOf`, then stored exactly as published — id, version, publisher, author and
 * time unchanged. Idempotent: the same version again changes nothing.
 */
export async function acceptPublishedTemplate(
  services: Pick<TemplatesServices, 'templates' | 'hash'>,
  template: Template,
): Promise<{ template: Template; status: ArrivalStatus }> {
  const status = await arrivalOf(services, template);
  if (status !== 'new') return { template: (await services.templates.get(template.id, template.version)) ?? template, status };
  const stored: Template = { ...template, builtIn: false, contentHash: template.contentHash ?? templateContentHash(template, (text) => services.hash.sha256(text)) };
  await services.templates.saveVersion(stored);
  return { template: stored, status };
}
