import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/api/result';
import {
  afterPreview,
  applyRequest,
  isNewSupervisorSender,
  isTooLarge,
  previewRequest,
  showsDropZone,
  unpinnedSupervisor,
  withFingerprint,
  type PackagePreviewView,
} from '../../renderer/features/exchange/import-flow';
import { maximumPackageMegabytes } from '../../renderer/features/exchange/files';

const file = { fileName: 'a.rdpkg', dataBase64: 'AAAA' };
const person = { name: '王主管', unit: '营销部', fingerprint: 'ad9e 00cf' };

describe('import flow', () => {
  it('shows the drop zone unless a package is being previewed or applied', () => {
    expect(showsDropZone({ step: 'idle' })).toBe(true);
    expect(showsDropZone({ step: 'checking', fileName: 'a' })).toBe(true);
    expect(showsDropZone({ step: 'refused', fileName: 'a', error: { code: 'invalid-input', message: 'x' } })).toBe(true);
    const preview = {} as PackagePreviewView;
    expect(showsDropZone({ step: 'preview', file, preview })).toBe(false);
    expect(showsDropZone({ step: 'applying', file, preview })).toBe(false);
    expect(showsDropZone({ step: 'unchecked', file, error: { code: 'forbidden', message: 'x' }, person })).toBe(false);
  });

  it('refuses files beyond the UI limit', () => {
    expect(isTooLarge(maximumPackageMegabytes * 1024 * 1024)).toBe(false);
    expect(isTooLarge(maximumPackageMegabytes * 1024 * 1024 + 1)).toBe(true);
  });

  it('finds the supervisor a refusal names', () => {
    expect(unpinnedSupervisor({ code: 'forbidden', message: 'x', details: { reason: 'unpinned-supervisor', person } })).toEqual(person);
    expect(unpinnedSupervisor({ code: 'forbidden', message: 'x', details: { reason: 'other', person } })).toBeNull();
    expect(unpinnedSupervisor({ code: 'forbidden', message: 'x', details: { reason: 'unpinned-supervisor' } })).toBeNull();
    expect(unpinnedSupervisor({ code: 'forbidden', message: 'x' })).toBeNull();
  });

  it('keeps each confirmed fingerprint once, in order', () => {
    expect(withFingerprint([], 'a')).toEqual(['a']);
    expect(withFingerprint(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(withFingerprint(['a'], 'c')).toEqual(['a', 'c']);
  });

  it('asks for the fingerprint step only for a new supervisor the preview asks to trust', () => {
    const sender = (known: string, role: string) => ({ ...person, known, role }) as PackagePreviewView['sender'];
    expect(isNewSupervisorSender({ needsTrust: true, sender: sender('new', 'supervisor') })).toBe(true);
    expect(isNewSupervisorSender({ needsTrust: false, sender: sender('new', 'supervisor') })).toBe(false);
    expect(isNewSupervisorSender({ needsTrust: true, sender: sender('trusted', 'supervisor') })).toBe(false);
    expect(isNewSupervisorSender({ needsTrust: true, sender: sender('new', 'manager') })).toBe(false);
  });

  it('builds the preview and apply requests', () => {
    expect(previewRequest(file, [])).toEqual(file);
    expect(previewRequest(file, ['f1'])).toEqual({ ...file, confirmSupervisors: ['f1'] });
    expect(applyRequest(file, { needsTrust: true }, true, [])).toEqual({ ...file, trustSender: true });
    expect(applyRequest(file, { needsTrust: true }, false, ['f1'])).toEqual({ ...file, trustSender: false, confirmSupervisors: ['f1'] });
    expect(applyRequest(file, { needsTrust: false }, true, [])).toEqual({ ...file, trustSender: false });
  });

  it('moves on after a preview: the preview, a supervisor to check, or a refusal', () => {
    const preview = { nothingNew: true } as PackagePreviewView;
    expect(afterPreview(file, { ok: true, value: preview })).toEqual({ step: 'preview', file, preview });
    const unpinned: ApiError = { code: 'forbidden', message: 'x', details: { reason: 'unpinned-supervisor', person } };
    expect(afterPreview(file, { ok: false, error: unpinned })).toEqual({ step: 'unchecked', file, error: unpinned, person });
    const broken: ApiError = { code: 'invalid-input', message: 'broken' };
    expect(afterPreview(file, { ok: false, error: broken })).toEqual({ step: 'refused', fileName: 'a.rdpkg', error: broken });
  });
});
