import type { ChannelInput, ChannelOutput } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/result';
import { maximumPackageMegabytes, type PackageFile } from './files';

export type PackagePreviewView = ChannelOutput<'exchange:preview'>;
export type AppliedImport = ChannelOutput<'exchange:apply'>;

/** A supervisor this machine does not trust yet, as the preview (or its refusal) names them. */
export interface SupervisorToCheck {
  name: string;
  unit: string;
  fingerprint: string;
}

/** The import's steps: pick a file → checking → preview (or a supervisor to check first, or a refusal) → applying → applied. */
export type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'refused'; fileName: string; error: ApiError }
  | { step: 'unchecked'; file: PackageFile; error: ApiError; person: SupervisorToCheck }
  | { step: 'preview'; file: PackageFile; preview: PackagePreviewView }
  | { step: 'applying'; file: PackageFile; preview: PackagePreviewView }
  | { step: 'applied'; result: AppliedImport };

/** Whether the step shows the drop zone (nothing previewed at the moment). */
export function showsDropZone(state: ImportState): boolean {
  return state.step === 'idle' || state.step === 'checking' || state.step === 'refused' || state.step === 'applied';
}

/** Whether a file is beyond what the UI sends. */
export function isTooLarge(bytes: number): boolean {
  return bytes > maximumPackageMegabytes * 1024 * 1024;
}

/** The supervisor a refusal names when the package carries a supervisor's records this machine does not trust. */
export function unpinnedSupervisor(error: ApiError): SupervisorToCheck | null {
  const details = error.details as { reason?: string; person?: SupervisorToCheck } | undefined;
  return details?.reason === 'unpinned-supervisor' && details.person ? details.person : null;
}

/** The fingerprints confirmed so far with one more (each once, in the order confirmed). */
export function withFingerprint(confirmed: string[], fingerprint: string): string[] {
  return [...new Set([...confirmed, fingerprint])];
}

/** A review package from a supervisor met for the first time: the explicit fingerprint step, not a checkbox. */
export function isNewSupervisorSender(preview: Pick<PackagePreviewView, 'needsTrust' | 'sender'>): boolean {
  return preview.needsTrust && preview.sender.known === 'new' && preview.sender.role === 'supervisor';
}

/** The preview request: the package with the supervisors confirmed so far (none: no list). */
export function previewRequest(file: PackageFile, confirmedSupervisors: string[]): ChannelInput<'exchange:preview'> {
  return { ...file, ...(confirmedSupervisors.length ? { confirmSupervisors: confirmedSupervisors } : {}) };
}

/** The apply request: the sender is trusted only when the preview asked for it and the person confirmed. */
export function applyRequest(file: PackageFile, preview: Pick<PackagePreviewView, 'needsTrust'>, confirmed: boolean, supervisors: string[]): ChannelInput<'exchange:apply'> {
  return { ...file, trustSender: preview.needsTrust && confirmed, ...(supervisors.length ? { confirmSupervisors: supervisors } : {}) };
}

/** The state after a preview answer: the preview, a supervisor to check first, or a refusal. */
export function afterPreview(file: PackageFile, result: { ok: true; value: PackagePreviewView } | { ok: false; error: ApiError }): ImportState {
  if (result.ok) return { step: 'preview', file, preview: result.value };
  const person = unpinnedSupervisor(result.error);
  if (person) return { step: 'unchecked', file, error: result.error, person };
  return { step: 'refused', fileName: file.fileName, error: result.error };
}
