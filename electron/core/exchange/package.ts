/**
 * The `.rdpkg` file: a zip holding `manifest.json` (format version, sender, recipients, the people whose
 * records it carries with their public keys, and the sha256 of every other entry), `signature.json` (the
 * sender's Ed25519 signature over the manifest's bytes), and per document its frozen revisions
 * (`revisions/<docId>/r<n>.json`) and review records (`records/<docId>.json`), plus the template versions those
 * revisions use (`templates/<id>/v<n>.json`).
 *
 * `decodePackage` checks everything that can be checked without this machine's data, in a fixed order, and
 * refuses with a reason and a Chinese message at the first problem.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { reportSchema, type Report } from '../reports/schema';
import { reviewRecordSchema, type ReviewRecord } from '../review/schema';
import { orderRecords } from '../review/fold';
import { brokenRecordRule, type RecordRule } from '../review/record-rules';
import { recordSigningText } from '../review/signature';
import { templateSchema, type Template } from '../templates/schema';
import { refuse } from './errors';
import {
  exchangeFormat,
  exchangeFormatVersion,
  manifestSchema,
  packageSignatureSchema,
  safeIdPattern,
  type Manifest,
  type PackageKind,
  type Person,
  type Recipient,
} from './schema';
import { readZip, writeZip, ZipError, type ZipEntry } from './zip';

export const manifestPath = 'manifest.json';
export const signaturePath = 'signature.json';

export interface PackageDocument {
  docId: string;
  /** Frozen submitted revisions, by number. */
  revisions: Report[];
  records: ReviewRecord[];
}

export interface PackageContents {
  packageId: string;
  kind: PackageKind;
  createdAt: string;
  app: string;
  sender: Person;
  recipients: Recipient[];
  people: Person[];
  documents: PackageDocument[];
  templates: Template[];
}

/** A package that passed every check that needs only the package itself. */
export interface DecodedPackage {
  manifest: Manifest;
  /** sha256 of the whole file. */
  sha256: string;
  documents: Map<string, { revisions: Map<number, Report>; records: ReviewRecord[] }>;
  templates: Template[];
  people: Map<string, Person>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
}

/** Build and sign a package file. `sign` signs the manifest text with the sender's key. */
export async function encodePackage(contents: PackageContents, sign: (text: string) => Promise<string>): Promise<Uint8Array> {
  const files: ZipEntry[] = [];
  for (const template of [...contents.templates].sort((a, b) => (a.id === b.id ? a.version - b.version : a.id < b.id ? -1 : 1))) {
    files.push({ name: `templates/${template.id}/v${template.version}.json`, data: jsonBytes(template) });
  }
  for (const document of [...contents.documents].sort((a, b) => (a.docId < b.docId ? -1 : 1))) {
    for (const revision of [...document.revisions].sort((a, b) => a.revision - b.revision)) {
      files.push({ name: `revisions/${document.docId}/r${revision.revision}.json`, data: jsonBytes(revision) });
    }
    files.push({ name: `records/${document.docId}.json`, data: jsonBytes(orderRecords(document.records)) });
  }
  const manifest: Manifest = {
    format: exchangeFormat,
    formatVersion: exchangeFormatVersion,
    packageId: contents.packageId,
    kind: contents.kind,
    createdAt: contents.createdAt,
    app: contents.app,
    sender: contents.sender,
    recipients: contents.recipients,
    people: contents.people,
    entries: files.map((file) => ({ path: file.name, size: file.data.length, sha256: sha256Hex(file.data) })),
  };
  const manifestText = `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
  const signature = { algorithm: 'ed25519' as const, signer: contents.sender.profileId, signature: await sign(manifestText) };
  return writeZip(
    [
      { name: manifestPath, data: new TextEncoder().encode(manifestText) },
      { name: signaturePath, data: jsonBytes(packageSignatureSchema.parse(signature)) },
      ...files,
    ],
    new Date(contents.createdAt),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.map(String).join('.') || '(根)'} ${first?.message ?? ''}`.trim();
}

function parseJson(name: string, data: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(data));
  } catch {
    throw refuse('entry-not-json', `交换包中的“${name}”不是有效的 JSON 文件`);
  }
}

function checkId(id: string, where: string): void {
  if (!safeIdPattern.test(id)) throw refuse('bad-id', `${where}中的编号“${id.slice(0, 100)}”格式不正确（只能用字母、数字、“-”和“_”）`);
}

const recordsSchema = reviewRecordSchema.array().max(100_000);

/** Record types only a supervisor may write. */
const ruleWords: Record<RecordRule, string> = {
  'supervisor-only': '只有主管可以',
  'document-author-only': '只有文稿作者本人可以',
  'author-or-supervisor': '只有文稿作者本人或主管可以',
  'comment-author-only': '只有点评的作者本人可以',
};
const typeNames: Record<string, string> = {
  submit: '提交文稿',
  withdraw: '撤回提交',
  decision: '做出审阅决定',
  reopen: '重新打开文稿',
  comment: '点评',
  'comment-edit': '修改点评',
  'comment-retract': '撤回点评',
  reply: '回复点评',
  'mark-fixed': '标记已整改',
  resolve: '确认整改',
  'reopen-comment': '重新打开点评',
};

/**
 * Read and check a package file: zip structure and limits, manifest, the sender's signature, the sha256 of
 * every entry, the schema of every entry, ids, record signatures and who may write which record.
 * `verify` checks an Ed25519 signature. Throws a refusal (DomainError with `details.reason`).
 */
export function decodePackage(bytes: Uint8Array, verify: (publicKey: string, text: string, signature: string) => boolean): DecodedPackage {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw refuse(error.problem, error.message);
    throw error;
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry.data]));

  // The manifest: is this a package at all, and of a version this program reads?
  const manifestBytes = byName.get(manifestPath);
  if (!manifestBytes) throw refuse('no-manifest', '这不是报告台交换包：缺少清单文件 manifest.json');
  let manifestText: string;
  let raw: unknown;
  try {
    manifestText = utf8.decode(manifestBytes);
    raw = JSON.parse(manifestText);
  } catch {
    throw refuse('manifest-not-json', '交换包的清单 manifest.json 已损坏（不是有效的 JSON）');
  }
  const header = (raw ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || header.format !== exchangeFormat) {
    throw refuse('not-exchange', '这不是报告台交换包：清单中的格式标识不是“reportdesk-exchange”');
  }
  if (header.formatVersion !== exchangeFormatVersion) {
    const version = typeof header.formatVersion === 'number' ? header.formatVersion : String(header.formatVersion);
    throw refuse(
      'format-version',
      typeof header.formatVersion === 'number' && header.formatVersion > exchangeFormatVersion
        ? `交换包的格式版本是 ${version}，本程序只能读取版本 ${exchangeFormatVersion}：请先升级报告台再导入`
        : `交换包的格式版本“${version}”不受支持（本程序读取版本 ${exchangeFormatVersion}）`,
    );
  }
  const parsedManifest = manifestSchema.safeParse(raw);
  if (!parsedManifest.success) throw refuse('manifest-invalid', `交换包的清单 manifest.json 内容不符合格式：${issueText(parsedManifest.error)}`);
  const manifest = parsedManifest.data;

  // The sender's signature over the manifest: after this, every hash in it is the sender's word.
  const signatureBytes = byName.get(signaturePath);
  if (!signatureBytes) throw refuse('no-signature', '交换包没有签名（缺少 signature.json），无法确认是谁发出的');
  let signatureRaw: unknown;
  try {
    signatureRaw = JSON.parse(utf8.decode(signatureBytes));
  } catch {
    signatureRaw = null;
  }
  const signature = packageSignatureSchema.safeParse(signatureRaw);
  if (!signature.success || signature.data.signer !== manifest.sender.profileId) {
    throw refuse('signature-invalid', '交换包的签名文件 signature.json 格式不正确或签名人不是发件人');
  }
  if (!verify(manifest.sender.publicKey, manifestText, signature.data.signature)) {
    throw refuse('bad-signature', `交换包的签名无效：清单在签名之后被改动过，或并非由发件人“${manifest.sender.name}”签名`);
  }

  // Every entry listed, every listing present, every hash right.
  const listed = new Map<string, Manifest['entries'][number]>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.path) || entry.path === manifestPath || entry.path === signaturePath) {
      throw refuse('duplicate-listing', `清单中“${entry.path}”登记了不止一次`);
    }
    listed.set(entry.path, entry);
  }
  for (const entry of manifest.entries) {
    if (!byName.has(entry.path)) throw refuse('missing-entry', `清单中列出的“${entry.path}”不在交换包中（文件不完整）`);
  }
  for (const entry of entries) {
    if (entry.name === manifestPath || entry.name === signaturePath) continue;
    const listing = listed.get(entry.name);
    if (!listing) throw refuse('unlisted-entry', `交换包中的“${entry.name}”没有列在清单中（可能是后来被加进去的）`);
    if (listing.size !== entry.data.length) {
      throw refuse('size-mismatch-listed', `“${entry.name}”的大小（${entry.data.length} 字节）与清单中登记的（${listing.size} 字节）不符`);
    }
    if (sha256Hex(entry.data) !== listing.sha256) {
      throw refuse('hash-mismatch', `“${entry.name}”的内容与清单中的 sha256 校验值不符（文件在传输中损坏或被改动）`);
    }
  }

  // People: one key each; the sender among them.
  const people = new Map<string, Person>();
  for (const person of manifest.people) {
    if (people.has(person.profileId)) throw refuse('duplicate-person', `清单中的身份“${person.name}”（${person.profileId}）出现了两次`);
    people.set(person.profileId, person);
  }
  const senderListed = people.get(manifest.sender.profileId);
  if (!senderListed || senderListed.publicKey !== manifest.sender.publicKey || senderListed.role !== manifest.sender.role) {
    throw refuse('manifest-invalid', '交换包的清单不一致：发件人不在身份列表中，或其密钥与身份列表中的不同');
  }

  // Entries: known kinds only, each valid and named after what it holds.
  const templates: Template[] = [];
  const documents = new Map<string, { revisions: Map<number, Report>; records: ReviewRecord[] }>();
  const documentFor = (docId: string) => {
    let document = documents.get(docId);
    if (!document) {
      document = { revisions: new Map(), records: [] };
      documents.set(docId, document);
    }
    return document;
  };
  const seenRecords = new Set<string>();
  const recordsFiles = new Set<string>();
  for (const entry of entries) {
    if (entry.name === manifestPath || entry.name === signaturePath) continue;
    const template = /^templates\/([^/]+)\/v(\d{1,6})\.json$/.exec(entry.name);
    const revision = /^revisions\/([^/]+)\/r(\d{1,6})\.json$/.exec(entry.name);
    const records = /^records\/([^/]+)\.json$/.exec(entry.name);
    if (template) {
      checkId(template[1], `“${entry.name}”`);
      const parsed = templateSchema.safeParse(parseJson(entry.name, entry.data));
      if (!parsed.success) throw refuse('entry-invalid', `“${entry.name}”的内容不符合模板格式：${issueText(parsed.error)}`);
      if (parsed.data.id !== template[1] || parsed.data.version !== Number(template[2])) {
        throw refuse('entry-mismatch', `“${entry.name}”的内容与文件名不符（其中是模板 ${parsed.data.id} v${parsed.data.version}）`);
      }
      templates.push(parsed.data);
    } else if (revision) {
      checkId(revision[1], `“${entry.name}”`);
      const parsed = reportSchema.safeParse(parseJson(entry.name, entry.data));
      if (!parsed.success) throw refuse('entry-invalid', `“${entry.name}”的内容不符合文稿格式：${issueText(parsed.error)}`);
      const report = parsed.data;
      if (report.id !== revision[1] || report.revision !== Number(revision[2])) {
        throw refuse('entry-mismatch', `“${entry.name}”的内容与文件名不符（其中是文稿 ${report.id} 的第 ${report.revision} 版）`);
      }
      checkId(report.templateId, `“${entry.name}”的模板`);
      checkId(report.authorId, `“${entry.name}”的作者`);
      documentFor(report.id).revisions.set(report.revision, report);
    } else if (records) {
      checkId(records[1], `“${entry.name}”`);
      const parsed = recordsSchema.safeParse(parseJson(entry.name, entry.data));
      if (!parsed.success) throw refuse('entry-invalid', `“${entry.name}”的内容不符合审阅记录格式：${issueText(parsed.error)}`);
      for (const record of parsed.data) {
        checkId(record.id, `“${entry.name}”的记录`);
        checkId(record.authorId, `“${entry.name}”的记录作者`);
        if ('commentId' in record.body) checkId(record.body.commentId, `“${entry.name}”的记录 ${record.id}`);
        if (record.docId !== records[1]) throw refuse('entry-mismatch', `“${entry.name}”中的记录 ${record.id} 属于另一篇文稿（${record.docId}）`);
        if (seenRecords.has(record.id)) throw refuse('duplicate-id', `记录编号“${record.id}”在交换包中出现了不止一次`);
        seenRecords.add(record.id);
      }
      recordsFiles.add(records[1]);
      documentFor(records[1]).records.push(...parsed.data);
    } else {
      throw refuse('unknown-entry', `交换包中有无法识别的文件“${entry.name}”`);
    }
  }

  // Documents: whole (revisions and records), one author each.
  for (const [docId, document] of documents) {
    if (!recordsFiles.has(docId)) throw refuse('incomplete-document', `文稿 ${docId} 有提交的版本，却没有审阅记录文件（records/${docId}.json）`);
    if (!document.revisions.size) throw refuse('incomplete-document', `文稿 ${docId} 有审阅记录，却没有任何提交的版本`);
    const authors = new Set([...document.revisions.values()].map((report) => report.authorId));
    if (authors.size !== 1) throw refuse('entry-mismatch', `文稿 ${docId} 的各个版本作者不一致`);
  }

  // Records: each signed by its author's key, and of a kind its author may write.
  for (const [docId, document] of documents) {
    const docAuthor = [...document.revisions.values()][0].authorId;
    const commentAuthors = new Map(document.records.filter((record) => record.body.type === 'comment').map((record) => [record.id, record.authorId]));
    for (const record of document.records) {
      const author = people.get(record.authorId);
      if (!author) throw refuse('unknown-author', `记录 ${record.id} 的作者“${record.authorName}”（${record.authorId}）不在交换包的身份列表中，无法验证签名`);
      if (author.role !== record.role) {
        throw refuse('role-mismatch', `记录 ${record.id} 声称作者“${record.authorName}”是${record.role === 'manager' ? '客户经理' : '主管'}，与身份列表不符`);
      }
      if (!record.signature) throw refuse('unsigned-record', `记录 ${record.id}（${record.authorName}，${typeNames[record.body.type]}）没有签名`);
      if (!verify(author.publicKey, recordSigningText(record), record.signature)) {
        throw refuse('bad-record-signature', `记录 ${record.id} 的签名与作者“${record.authorName}”的密钥不符：记录被改动过，或由他人冒名签署`);
      }
      const type = record.body.type;
      const commentAuthor = 'commentId' in record.body ? commentAuthors.get(record.body.commentId) : null;
      const broken = brokenRecordRule(record, { authorId: record.authorId, role: author.role }, docAuthor, commentAuthor);
      if (broken) {
        throw refuse(
          'forbidden-record',
          `记录 ${record.id}：“${record.authorName}”无权${typeNames[type]}（${ruleWords[broken]}${typeNames[type]}）`,
        );
      }
    }
    void docId;
  }

  // What the sender may send, to whom.
  if (manifest.kind === 'submissions') {
    if (manifest.sender.role !== 'manager') throw refuse('sender-role', `提交包只能由客户经理发出，而发件人“${manifest.sender.name}”是主管`);
    for (const [docId, document] of documents) {
      const report = [...document.revisions.values()][0];
      if (report.authorId !== manifest.sender.profileId) {
        throw refuse('foreign-document', `提交包中的文稿“${report.title || docId}”不是发件人“${manifest.sender.name}”撰写的`);
      }
    }
  } else {
    if (manifest.sender.role !== 'supervisor') throw refuse('sender-role', `审阅包只能由主管发出，而发件人“${manifest.sender.name}”是客户经理`);
    // No recipients: a package of the office's templates only, for every manager.
    if ((!manifest.recipients.length && documents.size) || manifest.recipients.some((recipient) => recipient.role !== 'manager')) {
      throw refuse('manifest-invalid', '审阅包的清单不一致：收件人必须是客户经理');
    }
    const recipients = new Set(manifest.recipients.map((recipient) => recipient.profileId));
    for (const [docId, document] of documents) {
      const report = [...document.revisions.values()][0];
      if (!recipients.has(report.authorId)) {
        throw refuse('foreign-document', `审阅包中的文稿“${report.title || docId}”的作者不在收件人之列`);
      }
    }
  }

  return { manifest, sha256: sha256Hex(bytes), documents, templates, people };
}
