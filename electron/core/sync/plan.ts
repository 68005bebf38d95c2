/**
 * The pure decisions of office sync: sequence numbers, what was received, what may be pruned, what a
 * recipient still lacks, and the signed small files. No I/O here; electron/store/sync-* does the file work.
 */
import type { z } from 'zod';
import { canonicalJson } from '../common/canonical';
import { folderNameOf } from './layout';
import { signedFileSchema, type OutboxEntry, type Received, type SentDocument } from './schema';

export const nothingReceived: Received = { upTo: 0, extra: [] };

export function isReceived(received: Received | undefined, seq: number): boolean {
  if (!received) return false;
  return seq <= received.upTo || received.extra.includes(seq);
}

/** Record one merged package; `extra` folds into `upTo` as soon as the gap before it is filled. */
export function markReceived(received: Received | undefined, seq: number): Received {
  const current = received ?? nothingReceived;
  if (isReceived(current, seq)) return current;
  const extra = new Set([...current.extra, seq]);
  let upTo = current.upTo;
  while (extra.has(upTo + 1)) {
    upTo++;
    extra.delete(upTo);
  }
  return { upTo, extra: [...extra].sort((a, b) => a - b) };
}

/** The packages of my outbox to one recipient that their acknowledgement covers (safe to delete). */
export function prunable(entries: OutboxEntry[], recipient: string, ack: Received | undefined): OutboxEntry[] {
  return entries.filter((entry) => entry.recipient === recipient && isReceived(ack, entry.seq));
}

/**
 * The next sequence number to a recipient: never one already used — not the stored counter's past, not a file
 * still in the outbox (the state may be older than the folder after a crash), not one the recipient acknowledged.
 */
export function nextSequence(stored: number | undefined, filesInOutbox: number[], ack: Received | undefined): number {
  let next = stored ?? 1;
  for (const seq of filesInOutbox) next = Math.max(next, seq + 1);
  if (ack) {
    next = Math.max(next, ack.upTo + 1);
    for (const seq of ack.extra) next = Math.max(next, seq + 1);
  }
  return next;
}

export interface DocumentContent {
  docId: string;
  revisions: number[];
  records: { id: string; authorId: string }[];
}

/**
 * Does the recipient lack something of this document? New revisions (only the author sends revisions), or
 * records not written by the recipient that were not sent to them yet. The recipient's own records never
 * cause a package back to them, so a submission does not bounce.
 */
export function recipientLacks(doc: DocumentContent, sent: SentDocument | undefined, recipientId: string, sendsRevisions: boolean): boolean {
  const revisions = new Set(sent?.revisions ?? []);
  const records = new Set(sent?.records ?? []);
  if (sendsRevisions && doc.revisions.some((revision) => !revisions.has(revision))) return true;
  return doc.records.some((record) => record.authorId !== recipientId && !records.has(record.id));
}

/** What the recipient has after a package with this document (everything in it). */
export function afterSending(doc: DocumentContent): SentDocument {
  return { revisions: [...doc.revisions], records: doc.records.map((record) => record.id) };
}

export interface SignedFile {
  body: unknown;
  signature: string;
}

export function signedText(body: unknown): string {
  return canonicalJson(body);
}

export interface KeyOps {
  verify(publicKey: string, text: string, signature: string): boolean;
  fingerprint(publicKey: string): string;
}

export type VerifyOutcome<T> = { ok: true; body: T } | { ok: false; reason: 'not-json' | 'schema' | 'wrong-folder' | 'wrong-key' | 'bad-signature'; message: string };

/**
 * Check a signed small file found in `folder`: JSON, the schema, the key it names has that folder's
 * fingerprint (and equals `expectedKey` when the owner is already known), and the signature holds.
 */
export function verifySignedFile<T>(
  text: string,
  schema: z.ZodType<T>,
  keyOf: (body: T) => string,
  folder: string,
  keys: KeyOps,
  expectedKey?: string,
): VerifyOutcome<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', message: '文件不是有效的 JSON' };
  }
  const envelope = signedFileSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: 'schema', message: '文件格式不正确（缺少签名）' };
  const body = schema.safeParse(envelope.data.body);
  if (!body.success) return { ok: false, reason: 'schema', message: '文件内容格式不正确' };
  const key = keyOf(body.data);
  if (folderNameOf(keys.fingerprint(key)) !== folder) return { ok: false, reason: 'wrong-folder', message: '文件中的公钥与所在文件夹（指纹）不符' };
  if (expectedKey && key !== expectedKey) return { ok: false, reason: 'wrong-key', message: '文件中的公钥与已确认的公钥不同' };
  if (!keys.verify(key, signedText(body.data), envelope.data.signature)) return { ok: false, reason: 'bad-signature', message: '签名无效（文件被改动或伪造）' };
  return { ok: true, body: body.data };
}
