import { z } from 'zod';
import { roleSchema } from '../core/common/schemas/profile';
import { syncthingAddressSchema } from '../core/sync/schema';

/** Input and output schemas of the office sync channels, mirroring core/sync/ports.ts. */
const when = z.string().nullable();

export const syncthingViewSchema = z
  .object({
    ok: z.boolean(),
    message: z.string().nullable(),
    folder: z.object({ id: z.string(), label: z.string(), state: z.string(), needFiles: z.number() }).strict().nullable(),
    devices: z.array(z.object({ id: z.string(), name: z.string(), connected: z.boolean() }).strict()),
  })
  .strict();

export const syncStatusSchema = z
  .object({
    configured: z.boolean(),
    folder: z.string().nullable(),
    profileId: z.string().nullable(),
    state: z.enum(['off', 'ok', 'pending', 'problem', 'not-joined']),
    problem: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    role: roleSchema.nullable(),
    myFingerprint: z.string().nullable(),
    supervisor: z.object({ profileId: z.string(), name: z.string(), fingerprint: z.string() }).strict().nullable(),
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
          lastPackageAt: when,
          lastAckAt: when,
          unacknowledged: z.number().int(),
        })
        .strict(),
    ),
    joinRequests: z.array(z.object({ profileId: z.string(), name: z.string(), role: roleSchema, unit: z.string(), fingerprint: z.string() }).strict()),
    refused: z.array(
      z
        .object({
          senderName: z.string(),
          fingerprint: z.string(),
          file: z.string(),
          reason: z.string(),
          message: z.string(),
          key: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          at: z.string(),
        })
        .strict(),
    ),
    syncthing: syncthingViewSchema.nullable(),
  })
  .strict();

export const syncConfigureInput = z
  .object({
    folder: z.string().trim().min(1, '请填写同步文件夹').max(1000),
    syncthing: z.object({ address: syncthingAddressSchema, apiKey: z.string().trim().min(1).max(200) }).strict().nullable().optional(),
    batchSeconds: z.number().min(0).max(600).optional(),
    scanSeconds: z.number().min(1).max(3600).optional(),
  })
  .strict();

export const fingerprintInput = z.object({ fingerprint: z.string().trim().min(1, '请填写指纹').max(80) }).strict();
