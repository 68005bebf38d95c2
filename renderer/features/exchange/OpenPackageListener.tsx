import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** A package file the desktop app was asked to open (double-click on a .rdpkg, or handed over by a second start). */
export type OpenedPackage = { ok: true; fileName: string; dataBase64: string } | { ok: false; fileName: string; reason: 'missing' | 'not-file' | 'too-large' | 'unreadable' };

/** Route state of /export/exchange carrying an opened package to the import preview. */
export interface OpenPackageState {
  openPackage: OpenedPackage;
  /** Tells two openings of the same file apart. */
  nonce: number;
}

let nonce = 0;

/** Desktop only: opens the import preview for every package the main process sends. Renders nothing. */
export function OpenPackageListener() {
  const navigate = useNavigate();
  useEffect(() => {
    window.reportdesk?.onOpenPackage?.((message) => {
      nonce += 1;
      const state: OpenPackageState = { openPackage: message as OpenedPackage, nonce };
      void navigate('/export/exchange', { state });
    });
  }, [navigate]);
  return null;
}
