/**
 * The office folder (同步文件夹) that a sync engine keeps equal on every machine. Pure naming rules; see
 * docs/sync.md for the layout:
 *
 *   <office folder>/<fingerprint hex>/identity.json     the owner's signed identity (who they are, their key)
 *   <office folder>/<fingerprint hex>/acks.json         signed: up to which package of each peer was merged
 *   <office folder>/<fingerprint hex>/roster.json       the supervisor's signed roster (supervisors only)
 *   <office folder>/<fingerprint hex>/outbox/to-<recipient hex>-<seq>.rdpkg   signed exchange packages
 *
 * Every subfolder has exactly one writer, its owner; nobody writes into another person's subfolder.
 */

/** A person's subfolder name: their key fingerprint as 32 lowercase hex digits (no spaces). */
export const personFolderPattern = /^[0-9a-f]{32}$/;

export const identityFileName = 'identity.json';
export const acksFileName = 'acks.json';
export const rosterFileName = 'roster.json';
export const outboxFolderName = 'outbox';

/** Sequence numbers are per (sender, recipient) stream, 1, 2, 3…; nine digits keep the names sortable. */
const sequenceDigits = 9;
const packageNamePattern = /^to-([0-9a-f]{32})-(\d{9})\.rdpkg$/;

/** A package larger than this in an outbox is refused without being read (real packages are far smaller). */
export const maxPackageBytes = 25 * 1024 * 1024;
/** At most this many new packages are read in one pass; the rest wait for the next (10,000 files never stall one). */
export const maxImportsPerPass = 400;

/** `ad9e 00cf …` (as the exchange shows it) → `ad9e00cf…`, the folder name. */
export function folderNameOf(fingerprint: string): string {
  return fingerprint.replace(/\s+/g, '').toLowerCase();
}

/** A fingerprint typed by a person (spaces, dashes, upper case) → folder name, or null if it is not 32 hex digits. */
export function parseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]+/g, '').toLowerCase();
  return personFolderPattern.test(hex) ? hex : null;
}

/** `ad9e00cf…` → `ad9e 00cf …`, the grouped form people read out to each other. */
export function groupedFingerprint(hex: string): string {
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

export function isPersonFolderName(name: string): boolean {
  return personFolderPattern.test(name);
}

export function packageFileName(recipientHex: string, seq: number): string {
  if (!personFolderPattern.test(recipientHex)) throw new Error(`not a fingerprint: ${recipientHex}`);
  if (!Number.isInteger(seq) || seq < 1 || seq >= 10 ** sequenceDigits) throw new Error(`bad sequence number: ${seq}`);
  return `to-${recipientHex}-${String(seq).padStart(sequenceDigits, '0')}.rdpkg`;
}

export function parsePackageFileName(name: string): { recipient: string; seq: number } | null {
  const match = packageNamePattern.exec(name);
  if (!match) return null;
  const seq = Number(match[2]);
  return seq >= 1 ? { recipient: match[1]!, seq } : null;
}

/**
 * What a directory entry in someone's subfolder or outbox is. Half-arrived files, conflict copies and our own
 * temporary files are skipped silently; anything else unexpected is skipped too (and counted).
 */
export type EntryKind = 'package' | 'engine-temp' | 'conflict-copy' | 'own-temp' | 'other';

export function classifyEntry(name: string): EntryKind {
  if (/^\.syncthing\..*\.tmp$/.test(name) || /^~syncthing~.*\.tmp$/.test(name)) return 'engine-temp';
  if (name.includes('.sync-conflict-')) return 'conflict-copy';
  if (name.startsWith('.~') && name.endsWith('.part')) return 'own-temp';
  return parsePackageFileName(name) ? 'package' : 'other';
}

/** Our own temporary name while a package is written (renamed when complete; never read by anyone). */
export function temporaryNameFor(finalName: string, random: string): string {
  return `.~${finalName}.${random}.part`;
}

/**
 * Whether a change to a file of this name (reported by a file-system watcher) can matter to the person whose
 * folder is `myHex`: not a package addressed to someone else, not an engine's half-arrived file or conflict copy
 * (the completed file is renamed into place and reported under its own name), not a writer's temporary file.
 * Unknown names (a watcher that gives none) count.
 */
export function changeConcerns(name: string | null | undefined, myHex: string | null): boolean {
  if (!name || !myHex) return true;
  const kind = classifyEntry(name);
  if (kind === 'engine-temp' || kind === 'conflict-copy' || kind === 'own-temp') return false;
  if (kind === 'package') return parsePackageFileName(name)!.recipient === myHex;
  return true;
}
