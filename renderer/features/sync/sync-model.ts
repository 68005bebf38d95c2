import type { ChannelInput, ChannelOutput } from '../../../electron/api/contract';

export type SyncStatusView = ChannelOutput<'sync:status'>;
export type SyncPerson = SyncStatusView['people'][number];

/** The values of the 同步文件夹 form. */
export interface SyncFolderValues {
  folder: string;
  address?: string;
  apiKey?: string;
  batchSeconds?: number;
}

export const defaultSyncthingAddress = 'http://127.0.0.1:8384';

/** The sync:configure request of the form: Syncthing only with an API key (at the default address when none is given). */
export function configureRequest(values: SyncFolderValues): ChannelInput<'sync:configure'> {
  const syncthing = values.apiKey?.trim() ? { address: values.address?.trim() || defaultSyncthingAddress, apiKey: values.apiKey.trim() } : undefined;
  return { folder: values.folder, ...(syncthing ? { syncthing } : {}), ...(values.batchSeconds !== undefined ? { batchSeconds: values.batchSeconds } : {}) };
}

/** The colour of the sync state tag: green when all is sent, blue while sending, red otherwise. */
export function stateColor(state: SyncStatusView['state']): string {
  return state === 'ok' ? 'green' : state === 'pending' ? 'blue' : 'red';
}

const stateKeys: Record<SyncStatusView['state'], string> = {
  off: 'sync.stateOff',
  ok: 'sync.stateOk',
  pending: 'sync.statePending',
  problem: 'sync.stateProblem',
  'not-joined': 'sync.stateNotJoined',
};

/** The catalogue key of a sync state, with the count of packages still to send while pending. */
export function stateLabel(state: SyncStatusView['state'], pendingToSend: number): { key: string; params?: { count: number } } {
  return state === 'pending' ? { key: stateKeys.pending, params: { count: pendingToSend } } : { key: stateKeys[state] };
}

/**
 * Where a person stands with what was sent to them: everything acknowledged (a manager's submissions, a
 * supervisor's reviews), packages waiting for an acknowledgement, or nothing sent yet.
 */
export type AckStanding =
  | { key: 'sync.ackedSubmission' | 'sync.ackedReview'; at: string }
  | { key: 'sync.waitingAck'; count: number }
  | { key: 'sync.nothingSent' };

export function ackStanding(person: Pick<SyncPerson, 'unacknowledged' | 'lastAckAt'>, myRole: SyncStatusView['role']): AckStanding {
  if (person.unacknowledged === 0 && person.lastAckAt) return { key: myRole === 'manager' ? 'sync.ackedSubmission' : 'sync.ackedReview', at: person.lastAckAt };
  if (person.unacknowledged > 0) return { key: 'sync.waitingAck', count: person.unacknowledged };
  return { key: 'sync.nothingSent' };
}
