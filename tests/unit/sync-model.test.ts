import { describe, expect, it } from 'vitest';
import { ackStanding, configureRequest, stateColor, stateLabel } from '../../renderer/features/sync/sync-model';

describe('sync page model', () => {
  it('configures Syncthing only with an API key, at the default address when none is given', () => {
    expect(configureRequest({ folder: 'D:\\sync' })).toEqual({ folder: 'D:\\sync' });
    expect(configureRequest({ folder: 'D:\\sync', address: 'http://x:1', apiKey: '   ' })).toEqual({ folder: 'D:\\sync' });
    expect(configureRequest({ folder: 'D:\\sync', address: '  ', apiKey: ' key ' })).toEqual({ folder: 'D:\\sync', syncthing: { address: 'http://127.0.0.1:8384', apiKey: 'key' } });
    expect(configureRequest({ folder: 'D:\\sync', address: ' http://h:9 ', apiKey: 'k', batchSeconds: 0 })).toEqual({
      folder: 'D:\\sync',
      syncthing: { address: 'http://h:9', apiKey: 'k' },
      batchSeconds: 0,
    });
  });

  it('colours and names the sync state', () => {
    expect(stateColor('ok')).toBe('green');
    expect(stateColor('pending')).toBe('blue');
    expect(['off', 'problem', 'not-joined'].map((state) => stateColor(state as 'off'))).toEqual(['red', 'red', 'red']);
    expect(stateLabel('pending', 3)).toEqual({ key: 'sync.statePending', params: { count: 3 } });
    expect(stateLabel('ok', 3)).toEqual({ key: 'sync.stateOk' });
    expect(stateLabel('not-joined', 0)).toEqual({ key: 'sync.stateNotJoined' });
  });

  it('tells where a person stands with what was sent to them', () => {
    const at = '2026-12-01T08:00:00Z';
    expect(ackStanding({ unacknowledged: 0, lastAckAt: at }, 'manager')).toEqual({ key: 'sync.ackedSubmission', at });
    expect(ackStanding({ unacknowledged: 0, lastAckAt: at }, 'supervisor')).toEqual({ key: 'sync.ackedReview', at });
    expect(ackStanding({ unacknowledged: 2, lastAckAt: at }, 'manager')).toEqual({ key: 'sync.waitingAck', count: 2 });
    expect(ackStanding({ unacknowledged: 0, lastAckAt: null }, 'manager')).toEqual({ key: 'sync.nothingSent' });
  });
});
