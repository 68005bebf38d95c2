import { canonicalJson } from '../common/canonical';
import type { Signer } from '../profiles/ports';
import type { ReviewRecord } from '../common/schemas/review';

/** The text a record's signature covers: the canonical record without its signature. */
export function recordSigningText(record: ReviewRecord): string {
  const { signature: _signature, ...unsigned } = record;
  return canonicalJson(unsigned);
}

/** Same id, same facts: two copies of a record agree on everything but (possibly) the signature. */
export function sameRecordContent(a: ReviewRecord, b: ReviewRecord): boolean {
  return recordSigningText(a) === recordSigningText(b);
}

/** The record signed by its author's key on this machine (made on first use). */
export async function signRecord(signer: Signer, record: ReviewRecord): Promise<ReviewRecord> {
  const { signature: _signature, ...unsigned } = record;
  return { ...unsigned, signature: await signer.sign(record.authorId, recordSigningText(record)) };
}
