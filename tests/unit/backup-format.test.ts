import { describe, expect, it } from 'vitest';
import { backupOptions, failureReason, locationLabel, restoreRequest, sizeText } from '../../renderer/features/backup/backup-format';

describe('backup card helpers', () => {
  it('shows sizes in whole KB (at least 1) below a megabyte and in MB with one decimal above', () => {
    expect(sizeText(0)).toBe('1 KB');
    expect(sizeText(1)).toBe('1 KB');
    expect(sizeText(1025)).toBe('2 KB');
    expect(sizeText(1024 * 1024 - 1)).toBe('1024 KB');
    expect(sizeText(1024 * 1024)).toBe('1.0 MB');
    expect(sizeText(5.25 * 1024 * 1024)).toBe('5.3 MB');
  });

  it('reads the reason of a status failure and of an API error alike', () => {
    expect(failureReason({ message: 'disk full', reason: 'no-space', params: { free: 3 } })).toEqual({ reason: 'no-space', params: { free: 3 } });
    expect(failureReason({ code: 'conflict', message: 'busy', details: { reason: 'running', params: { since: 'x' } } })).toEqual({ reason: 'running', params: { since: 'x' } });
    expect(failureReason({ code: 'internal', message: 'boom' })).toEqual({ reason: undefined, params: {} });
    // An API error's own catalogue params win over those in its details.
    expect(failureReason({ code: 'internal', message: 'boom', params: { a: 1 }, details: { reason: 'r', params: { b: 2 } } })).toEqual({ reason: 'r', params: { a: 1 } });
  });

  it('names how the data folder was chosen', () => {
    expect(locationLabel({ source: 'moved', pointerFile: '/p/pointer.json' })).toEqual({ key: 'backup.locationMoved', params: { pointer: '/p/pointer.json' } });
    expect(locationLabel({ source: 'moved', pointerFile: null })).toEqual({ key: 'backup.locationMoved', params: { pointer: '' } });
    expect(locationLabel({ source: 'environment', pointerFile: null })).toEqual({ key: 'backup.locationEnvironment' });
    expect(locationLabel({ source: 'default', pointerFile: null })).toEqual({ key: 'backup.locationDefault' });
  });

  it('lists the backups kept as time · size · name', () => {
    const options = backupOptions([{ name: 'a.zip', file: '/b/a.zip', at: '2026-01-02T03:04:05Z', size: 2048 }], (iso) => `T(${iso})`);
    expect(options).toEqual([{ value: '/b/a.zip', label: 'T(2026-01-02T03:04:05Z) · 2 KB · a.zip' }]);
  });

  it('builds the restore request: a new folder takes the trimmed target, a replace none', () => {
    expect(restoreRequest('/b/a.zip', 'new-folder', '  /new ')).toEqual({ file: '/b/a.zip', mode: 'new-folder', target: '/new' });
    expect(restoreRequest('/b/a.zip', 'replace', '/ignored')).toEqual({ file: '/b/a.zip', mode: 'replace' });
  });
});
