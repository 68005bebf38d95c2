import { z } from 'zod';
import { roleSchema } from '../common/schemas/profile';
import { personSchema, publicKeySchema, signatureSchema } from '../exchange/schema';

/**
 * The small signed files of the office folder. Each is `{ body, signature }`: the Ed25519 signature of the
 * owner over `canonicalJson(body)`; the body names the owner's public key, whose fingerprint must be the
 * subfolder's name.
 */
export const signedFileSchema = z.object({ body: z.unknown(), signature: signatureSchema }).strict();

export const identityFormat = 'reportdesk-sync-identity';
export const acksFormat = 'reportdesk-sync-acks';
export const rosterFormat = 'reportdesk-sync-roster';

/** `identity.json`: who owns this subfolder (a manager announces themselves to the supervisor with it). */
export const identityBodySchema = z
  .object({ format: z.literal(identityFormat), version: z.literal(1), person: personSchema, writtenAt: z.string().max(40) })
  .strict();
export type IdentityBody = z.infer<typeof identityBodySchema>;

/** Which packages of one sender's stream to me were merged: every seq ≤ upTo, and the ones in `extra`. */
export const receivedSchema = z
  .object({ upTo: z.number().int().min(0), extra: z.array(z.number().int().min(1)).max(10_000) })
  .strict();
export type Received = z.infer<typeof receivedSchema>;

/** `acks.json`: per peer (their folder name), which of their packages to me were merged here. */
export const acksBodySchema = z
  .object({
    format: z.literal(acksFormat),
    version: z.literal(1),
    owner: z.object({ profileId: z.string(), publicKey: publicKeySchema }).strict(),
    writtenAt: z.string().max(40),
    peers: z.record(z.string().regex(/^[0-9a-f]{32}$/), receivedSchema),
  })
  .strict();
export type AcksBody = z.infer<typeof acksBodySchema>;

export const rosterMemberSchema = personSchema.extend({ joinedAt: z.string().max(40) }).strict();
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** `roster.json` (the supervisor's subfolder): the office — people, roles and public keys — signed by the supervisor. */
export const rosterBodySchema = z
  .object({
    format: z.literal(rosterFormat),
    version: z.literal(1),
    /** Grows with every change; a manager never goes back to an older roster. */
    serial: z.number().int().min(1),
    supervisor: personSchema,
    members: z.array(rosterMemberSchema).max(1000),
    writtenAt: z.string().max(40),
  })
  .strict();
export type RosterBody = z.infer<typeof rosterBodySchema>;

/** Only loopback addresses: the app talks to a Syncthing on the same machine, never to the network. */
export const syncthingAddressSchema = z
  .string()
  .max(100)
  .regex(/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}\/?$/, '只能填写本机地址（如 http://127.0.0.1:8384）');

/** `sync/config.json` in the data folder: where the office folder is and whose subfolder this machine writes. */
export const syncConfigSchema = z
  .object({
    folder: z.string().min(1).max(1000),
    profileId: z.string(),
    /** Seconds a supervisor's comments and decisions are gathered before one package goes out. */
    batchSeconds: z.number().min(0).max(600),
    /** Seconds between full scans (file-system events come in between). */
    scanSeconds: z.number().min(1).max(3600),
    syncthing: z.object({ address: syncthingAddressSchema, apiKey: z.string().min(1).max(200) }).strict().nullable(),
    /** A manager's pinned supervisor: the fingerprint checked by hand when joining, and the key it names. */
    supervisor: personSchema.extend({ fingerprint: z.string() }).strict().nullable(),
  })
  .strict();
export type SyncConfig = z.infer<typeof syncConfigSchema>;

/** One package in my outbox, until its recipient acknowledges it. */
export const outboxEntrySchema = z
  .object({ recipient: z.string(), seq: z.number().int().min(1), file: z.string(), docIds: z.array(z.string()), at: z.string(), bytes: z.number().int() })
  .strict();
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** A package refused from someone's outbox: reported, never retried until the file changes. */
export const refusalSchema = z
  .object({
    folder: z.string(),
    senderName: z.string(),
    file: z.string(),
    reason: z.string(),
    message: z.string(),
    /** Catalogue key and parameters of the message (absent in state written before they were kept). */
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    at: z.string(),
    /** size:mtime of the file when it was refused: a changed file is tried again. */
    stamp: z.string(),
  })
  .strict();
export type Refusal = z.infer<typeof refusalSchema>;

/** Per document, what a recipient is known to have: revisions and record ids. */
export const sentDocumentSchema = z.object({ revisions: z.array(z.number().int()), records: z.array(z.string()) }).strict();
export type SentDocument = z.infer<typeof sentDocumentSchema>;

/** `sync/state.json` in the data folder: sequence numbers, unacknowledged packages, what was received, refusals. */
export const syncStateSchema = z
  .object({
    /** Next sequence number per recipient folder. */
    nextSeq: z.record(z.string(), z.number().int().min(1)),
    outbox: z.array(outboxEntrySchema),
    /** Per recipient profile id, per document. */
    sent: z.record(z.string(), z.record(z.string(), sentDocumentSchema)),
    /** Per sender folder: which of their packages to me were merged. */
    received: z.record(z.string(), receivedSchema),
    /** Per peer folder: when their last package arrived here, and when their acknowledgement last moved. */
    lastPackageAt: z.record(z.string(), z.string()),
    lastAckAt: z.record(z.string(), z.string()),
    /** The roster this supervisor publishes (supervisors), or the latest verified one (managers). */
    roster: rosterBodySchema.nullable(),
    refused: z.array(refusalSchema),
    lastPassAt: z.string().nullable(),
    lastReceivedAt: z.string().nullable(),
    /**
     * Supervisors: per recipient profile id, the office templates last sent to them (`id@version` of each latest
     * custom version, sorted and joined). A newly published, imported or retired version makes it differ, and the
     * next pass sends the templates even when no review is due. Absent in state written before templates travelled.
     */
    templatesSent: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type SyncState = z.infer<typeof syncStateSchema>;

export function emptySyncState(): SyncState {
  return { nextSeq: {}, outbox: [], sent: {}, received: {}, lastPackageAt: {}, lastAckAt: {}, roster: null, refused: [], lastPassAt: null, lastReceivedAt: null, templatesSent: {} };
}

/** What a Syncthing on this machine says about the office folder (REST API, with the API key given in 设置). */
export const syncthingViewSchema = z
  .object({
    ok: z.boolean(),
    message: z.string().nullable(),
    folder: z.object({ id: z.string(), label: z.string(), state: z.string(), needFiles: z.number() }).strict().nullable(),
    devices: z.array(z.object({ id: z.string(), name: z.string(), connected: z.boolean() }).strict()),
  })
  .strict();
export type SyncthingView = z.infer<typeof syncthingViewSchema>;

const when = z.string().nullable();

/** The state of office sync, as the header indicator, 设置 → 同步, and `sync status` show it. */
export const syncStatusSchema = z
  .object({
    configured: z.boolean(),
    /** The office folder, when configured. */
    folder: z.string().nullable(),
    /** The profile whose subfolder this machine writes (the one who set sync up). */
    profileId: z.string().nullable(),
    /** off: not set up; ok: nothing waiting; pending: packages not yet acknowledged; problem: see `problem`; not-joined: a manager who has not checked the supervisor's fingerprint yet. */
    state: z.enum(['off', 'ok', 'pending', 'problem', 'not-joined']),
    problem: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    role: roleSchema.nullable(),
    myFingerprint: z.string().nullable(),
    /** A manager's pinned supervisor. */
    supervisor: z.object({ profileId: z.string(), name: z.string(), fingerprint: z.string() }).strict().nullable(),
    /** Whether the supervisor's roster lists this manager (always true for a supervisor). */
    onRoster: z.boolean(),
    rosterSerial: z.number().nullable(),
    pendingToSend: z.number().int(),
    lastPassAt: when,
    lastReceivedAt: when,
    people: z.array(
      z
        .object({
          profileId: z.string(),
          name: z.string(),
          role: roleSchema,
          fingerprint: z.string(),
          /** When their last package to me was merged here. */
          lastPackageAt: when,
          /** When their acknowledgement of my packages last moved (they merged something of mine). */
          lastAckAt: when,
          /** My packages to them not acknowledged yet. */
          unacknowledged: z.number().int(),
        })
        .strict(),
    ),
    /** Supervisor: people who put their identity in the office folder and are not on the roster yet. */
    joinRequests: z.array(z.object({ profileId: z.string(), name: z.string(), role: roleSchema, unit: z.string(), fingerprint: z.string() }).strict()),
    // A kept refusal as shown: the sender's fingerprint instead of their folder, without the file's stamp.
    refused: z.array(
      refusalSchema.omit({ folder: true, stamp: true }).extend({ fingerprint: z.string() }),
    ),
    syncthing: syncthingViewSchema.nullable(),
  })
  .strict();
export type SyncStatus = z.infer<typeof syncStatusSchema>;
