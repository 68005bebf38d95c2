import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { call } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { maximumPackageMegabytes, toBase64, type PackageFile } from './files';
import { afterPreview, applyRequest, isTooLarge, previewRequest, withFingerprint, type ImportState, type PackagePreviewView } from './import-flow';
import type { OpenPackageState } from './OpenPackageListener';

/**
 * The import's state machine: pick (or open) a package, preview it with the supervisors confirmed so far,
 * confirm the sender or a supervisor, apply, reset.
 */
export function useImportFlow() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  // Supervisors' fingerprints the person importing has checked (and confirmed) for this package.
  const [supervisors, setSupervisors] = useState<string[]>([]);

  /** Preview the package with the supervisors confirmed so far; a refusal naming an unchecked supervisor asks for them. */
  const check = async (packageFile: PackageFile, confirmedSupervisors: string[]) => {
    const result = await call('exchange:preview', previewRequest(packageFile, confirmedSupervisors));
    setState(afterPreview(packageFile, result));
  };

  // A package opened with a double-click arrives as route state (OpenPackageListener): preview it at once.
  const opened = (useLocation().state as OpenPackageState | null) ?? null;
  useEffect(() => {
    if (!opened) return;
    const message = opened.openPackage;
    setConfirmed(false);
    if (!message.ok) {
      setState({ step: 'refused', fileName: message.fileName, error: { code: 'invalid-input', message: t(`backup.openedPackage.${message.reason}`, { size: maximumPackageMegabytes }) } });
      return;
    }
    const packageFile = { fileName: message.fileName, dataBase64: message.dataBase64 };
    setState({ step: 'checking', fileName: message.fileName });
    setSupervisors([]);
    void check(packageFile, []);
    // Each opening (nonce) once.
  }, [opened?.nonce]);

  const pick = async (file: File) => {
    setConfirmed(false);
    if (isTooLarge(file.size)) {
      setState({ step: 'refused', fileName: file.name, error: { code: 'invalid-input', message: t('exchange.tooLarge', { size: maximumPackageMegabytes }) } });
      return;
    }
    setSupervisors([]);
    setState({ step: 'checking', fileName: file.name });
    const packageFile = { fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) };
    await check(packageFile, []);
  };

  /** A supervisor named by a refusal, checked: preview again with them confirmed. */
  const confirmSupervisor = async (packageFile: PackageFile, fingerprint: string) => {
    const next = withFingerprint(supervisors, fingerprint);
    setSupervisors(next);
    setState({ step: 'checking', fileName: packageFile.fileName });
    await check(packageFile, next);
  };

  /** A supervisor sending for the first time, checked: trust them as the sender and as a supervisor. */
  const confirmSupervisorSender = (fingerprint: string) => {
    setConfirmed(true);
    setSupervisors((current) => withFingerprint(current, fingerprint));
  };

  const apply = async (file: PackageFile, preview: PackagePreviewView) => {
    setState({ step: 'applying', file, preview });
    const result = await call('exchange:apply', applyRequest(file, preview, confirmed, supervisors));
    if (!result.ok) {
      setState({ step: 'refused', fileName: file.fileName, error: result.error });
      return;
    }
    // An import can touch any document, template, review or trust entry: every cached read is asked again.
    await refreshAfter(client, 'exchange:apply');
    setState({ step: 'applied', result: result.value });
  };

  const reset = () => {
    setState({ step: 'idle' });
    setConfirmed(false);
    setSupervisors([]);
  };

  return { state, confirmed, setConfirmed, pick, confirmSupervisor, confirmSupervisorSender, apply, reset };
}
