/**
 * Office sync channels: thin checks in core, the work in the sync service (electron/store/sync-service.ts).
 * See docs/sync.md.
 */
import { requireProfile, requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import type { SyncPort, SyncSettingsInput, SyncStatus } from './ports';
import { coded } from '../common/messages';

function port(ctx: CallContext): SyncPort {
  if (!ctx.services.sync) throw coded('internal', 'sync.notEnabled');
  return ctx.services.sync;
}

export async function syncStatus(ctx: CallContext): Promise<SyncStatus> {
  return port(ctx).status(requireProfile(ctx).id);
}

export async function syncNow(ctx: CallContext): Promise<SyncStatus> {
  return port(ctx).runNow(requireProfile(ctx).id);
}

export async function configureSync(ctx: CallContext, input: SyncSettingsInput): Promise<SyncStatus> {
  return port(ctx).configure(requireProfile(ctx).id, input);
}

export async function disableSync(ctx: CallContext): Promise<SyncStatus> {
  return port(ctx).disable(requireProfile(ctx).id);
}

export async function joinOffice(ctx: CallContext, input: { fingerprint: string }): Promise<SyncStatus> {
  return port(ctx).join(requireRole(ctx, 'manager').id, input.fingerprint);
}

export async function admitToOffice(ctx: CallContext, input: { fingerprint: string }): Promise<SyncStatus> {
  return port(ctx).admit(requireRole(ctx, 'supervisor').id, input.fingerprint);
}

