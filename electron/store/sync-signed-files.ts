/**
 * The signed files of office sync (see sync-service.ts): my identity, the supervisor's roster and my
 * acknowledgements written and signed with my key, and the others' read back and verified, each verification
 * remembered per file while its text, folder and expected key stay the same.
 */
import path from 'node:path';
import type { ZodType } from 'zod';
import type { Person } from '../core/exchange/schema';
import type { Profile } from '../core/common/schemas/profile';
import { canonicalJson } from '../core/common/canonical';
import type { CoreServices } from '../core/services';
import { acksFileName, identityFileName } from '../core/sync/layout';
import { signedText, verifySignedFile, type VerifyOutcome } from '../core/sync/plan';
import {
  acksBodySchema,
  acksFormat,
  identityBodySchema,
  identityFormat,
  type AcksBody,
  type IdentityBody,
  type RosterBody,
  type SyncConfig,
  type SyncState,
} from '../core/sync/schema';
import { readPeerText, writeOwnFile } from './sync-folder';

/** Writing and reading the signed files in the sync folder for one data folder's services. */
export class SignedFiles {
  private readonly verifiedFiles = new Map<string, { text: string; folder: string; expectedKey: string | undefined; outcome: VerifyOutcome<unknown> }>();

  constructor(private readonly services: CoreServices) {}

  async personOf(profile: Profile): Promise<Person> {
    const key = await this.services.signer.identity(profile.id);
    return { profileId: profile.id, name: profile.name, role: profile.role, unit: profile.unit, publicKey: key.publicKey };
  }

  async publishIdentity(own: string, profile: Profile): Promise<void> {
    const person = await this.personOf(profile);
    const file = path.join(own, identityFileName);
    const current = await readPeerText(file);
    if (current) {
      const parsed = this.verified(file, current, identityBodySchema, (body) => body.person.publicKey, path.basename(own), person.publicKey);
      if (parsed.ok && canonicalJson(parsed.body.person) === canonicalJson(person)) return;
    }
    const body: IdentityBody = { format: identityFormat, version: 1, person, writtenAt: this.now() };
    await this.writeSigned(file, profile.id, body);
  }

  /** Write a signed file unless the same body (apart from its time) is there already. */
  async publishSigned(file: string, profileId: string, body: RosterBody): Promise<void> {
    const current = await readPeerText(file);
    if (current) {
      try {
        const parsed = JSON.parse(current) as { body?: unknown };
        if (canonicalJson(parsed.body) === canonicalJson(body)) return;
      } catch {
        // Damaged: written again below.
      }
    }
    await this.writeSigned(file, profileId, body);
  }

  async writeSigned(file: string, profileId: string, body: unknown): Promise<void> {
    const signature = await this.services.signer.sign(profileId, signedText(body));
    await writeOwnFile(file, `${JSON.stringify({ body, signature }, null, 2)}\n`);
  }

  async readIdentity(folder: string, hex: string) {
    const text = await readPeerText(path.join(folder, hex, identityFileName));
    if (text === null) return { ok: false as const, message: '没有身份文件' };
    return this.verified(path.join(folder, hex, identityFileName), text, identityBodySchema, (body) => body.person.publicKey, hex);
  }

  async publishAcks(own: string, profile: Profile, state: SyncState, publicKey: string): Promise<void> {
    const file = path.join(own, acksFileName);
    const current = await readPeerText(file);
    if (current) {
      try {
        const parsed = JSON.parse(current) as { body?: { peers?: unknown } };
        if (canonicalJson(parsed.body?.peers) === canonicalJson(state.received)) return;
      } catch {
        // Damaged: written again below.
      }
    }
    if (!Object.keys(state.received).length && current === null) return;
    const body: AcksBody = { format: acksFormat, version: 1, owner: { profileId: profile.id, publicKey }, writtenAt: this.now(), peers: state.received };
    await this.writeSigned(file, profile.id, body);
  }

  async readAcks(config: SyncConfig, peer: { folder: string; person: Person }): Promise<AcksBody | null> {
    const text = await readPeerText(path.join(config.folder, peer.folder, acksFileName));
    if (text === null) return null;
    const outcome = this.verified(path.join(config.folder, peer.folder, acksFileName), text, acksBodySchema, (body) => body.owner.publicKey, peer.folder, peer.person.publicKey);
    return outcome.ok ? outcome.body : null;
  }

  /**
   * `verifySignedFile`, remembered per file: the roster, acknowledgements and identities are read on every pass
   * and mostly unchanged, so the same text (checked against the same folder and key) is not verified again.
   */
  verified<T>(file: string, text: string, schema: ZodType<T>, keyOf: (body: T) => string, folder: string, expectedKey?: string): VerifyOutcome<T> {
    const known = this.verifiedFiles.get(file);
    if (known && known.text === text && known.folder === folder && known.expectedKey === expectedKey) return known.outcome as VerifyOutcome<T>;
    const outcome = verifySignedFile(text, schema, keyOf, folder, this.services.signer, expectedKey);
    this.verifiedFiles.set(file, { text, folder, expectedKey, outcome });
    return outcome;
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
