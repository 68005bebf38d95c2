/**
 * Office sync (同步文件夹): a folder a sync engine (Syncthing, a file share…) keeps equal everywhere. Each person
 * writes only into their own subfolder: signed exchange packages in `outbox/`, an acknowledgement file, and
 * (the supervisor) the roster. This service writes the packages through the exchange use cases, watches the
 * others' outboxes (file-system events and a periodic scan), imports what is addressed to this profile,
 * acknowledges, and prunes what every recipient acknowledged. See docs/sync.md.
 *
 * Over 500 lines (issue #16), kept as one class for now: its steps (configure, join, admit, status, the pass
 * that imports, sends, acknowledges and prunes) share the config, the state, the timers and the watchers; the
 * signed files are in sync-signed-files.ts, the folder I/O in sync-folder.ts.
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { applyPackage, exportReviews, exportSubmissions, previewPackage, type ExportedPackage } from '../core/exchange/use-cases';
import type { Person, TrustEntry } from '../core/exchange/schema';
import type { Profile } from '../core/common/schemas/profile';
import { canonicalJson } from '../core/common/canonical';
import { isDomainError, type DomainError } from '../core/common/errors';
import { coded, type MessageKey, type MessageParams } from '../core/common/messages';
import type { CallContext, CoreServices } from '../core/services';
import {
  changeConcerns,
  folderNameOf,
  groupedFingerprint,
  maxImportsPerPass,
  maxPackageBytes,
  outboxFolderName,
  packageFileName,
  parseFingerprint,
  rosterFileName,
} from '../core/sync/layout';
import {
  afterSending,
  isReceived,
  markReceived,
  nextSequence,
  prunable,
  recipientLacks,
  verifySignedFile,
  type DocumentContent,
} from '../core/sync/plan';
import type { SyncPort, SyncSettingsInput, SyncStatus } from '../core/sync/ports';
import {
  emptySyncState,
  rosterBodySchema,
  rosterFormat,
  syncConfigSchema,
  syncStateSchema,
  type RosterBody,
  type SentDocument,
  type SyncConfig,
  type SyncState,
} from '../core/sync/schema';
import {
  describeIoError,
  listOutbox,
  listPersonFolders,
  readPeerFile,
  readPeerText,
  removeOwnTemporaries,
  writeOwnFile,
} from './sync-folder';
import { readSyncthing } from './sync-syncthing';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';
import { SignedFiles } from './sync-signed-files';

export interface SyncServiceOptions {
  /** Watch the folder and scan periodically (the app); the CLI and some tests run passes by hand. */
  background?: boolean;
  /** Delay before a manager's act goes out (debounce), in ms. */
  quickDelayMs?: number;
  /** Delay after a file-system event before a pass, in ms. */
  eventDelayMs?: number;
}

const defaults = { batchSeconds: 3, scanSeconds: 15 };
const maxRefusalsKept = 200;

type Problem = { code: string; message: string };

function syncError(
  key: MessageKey,
  params?: MessageParams,
  code: 'invalid-input' | 'not-found' | 'forbidden' | 'conflict' = 'invalid-input',
): DomainError {
  return coded(code, key, params);
}

/** Someone I exchange packages with: their folder and identity. */
interface Peer {
  folder: string;
  person: Person;
}

export class SyncService implements SyncPort {
  private readonly dir: string;
  private readonly configFile: string;
  private readonly stateFile: string;
  private config: SyncConfig | null | undefined;
  private state: SyncState | null = null;
  private savedState = '';
  private savedWithoutTime: { from: string; text: string } | null = null;
  private problem: Problem | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private interval: NodeJS.Timeout | null = null;
  private watchers = new Map<string, FSWatcher>();
  private stopped = false;
  /** Background work (watching, scanning, passes after acts) only after `start()`: the app, never the CLI. */
  private started = false;
  private readonly background: boolean;
  private readonly quickDelayMs: number;
  private readonly eventDelayMs: number;
  /** My subfolder's name, once a pass has run (file events for packages addressed to others are ignored). */
  private myHex: string | null = null;
  private readonly signed: SignedFiles;
  /** Passes completed (for tests and the bench: wait on this, never on time). */
  passes = 0;

  constructor(
    dataDir: string,
    private readonly services: CoreServices,
    options: SyncServiceOptions = {},
  ) {
    this.dir = path.join(dataDir, 'sync');
    this.signed = new SignedFiles(services);
    this.configFile = path.join(this.dir, 'config.json');
    this.stateFile = path.join(this.dir, 'state.json');
    this.background = options.background ?? true;
    this.quickDelayMs = options.quickDelayMs ?? 150;
    this.eventDelayMs = options.eventDelayMs ?? 250;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Start watching and scanning (if sync is set up). */
  async start(): Promise<void> {
    this.stopped = false;
    this.started = true;
    const config = await this.loadConfig();
    if (config && this.background) this.arm(config);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    this.disarm();
    while (this.running) await this.running;
  }

  private arm(config: SyncConfig): void {
    this.disarm();
    if (this.stopped || !this.started) return;
    this.interval = setInterval(() => this.schedule(0), config.scanSeconds * 1000);
    this.interval.unref?.();
    this.schedule(0);
  }

  private disarm(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watch a folder (non-recursive, so it works the same everywhere); events only schedule a pass. */
  private watchFolder(folder: string): void {
    if (!this.background || !this.started || this.stopped || this.watchers.has(folder)) return;
    try {
      // A package for someone else (the supervisor writes one per manager) or a half-arrived file starts no pass.
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (changeConcerns(name === null ? null : String(name), this.myHex)) this.schedule(this.eventDelayMs);
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch {
      // A folder that cannot be watched (missing, unplugged) is still scanned periodically.
    }
  }

  /** Run a pass after `delayMs` (an earlier request wins; a request during a pass runs one more after it). */
  private schedule(delayMs: number): void {
    if (this.stopped || !this.started) return;
    const due = Date.now() + delayMs;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runPass().catch((error: unknown) => {
        this.problem = { code: 'internal', message: `同步出错：${error instanceof Error ? error.message : String(error)}` };
      });
    }, delayMs);
    this.timer.unref?.();
  }

  notify(channel: string, profileId: string | null): void {
    const config = this.config;
    if (!config || !profileId || profileId !== config.profileId || !this.background || !this.started) return;
    void this.services.profiles.get(profileId).then((profile) => {
      if (!profile) return;
      // Managers' acts go out at once; a supervisor's comments and decisions are gathered for a few seconds.
      this.schedule(profile.role === 'supervisor' ? config.batchSeconds * 1000 : this.quickDelayMs);
    });
  }

  // ---------------------------------------------------------------- config and state

  private async loadConfig(): Promise<SyncConfig | null> {
    if (this.config !== undefined) return this.config;
    try {
      this.config = await readDocument(this.configFile, syncConfigSchema);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      this.config = null;
      this.problem = { code: 'config', message: '同步设置文件已损坏，请在 设置 → 同步 中重新选择同步文件夹' };
    }
    return this.config;
  }

  private async saveConfig(config: SyncConfig | null): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (config) await writeDocument(this.configFile, syncConfigSchema, config);
    else await rm(this.configFile, { force: true });
    this.config = config;
  }

  private async loadState(): Promise<SyncState> {
    if (this.state) return this.state;
    try {
      this.state = (await readDocument(this.stateFile, syncStateSchema)) ?? emptySyncState();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      // Sequence numbers are recovered from the outbox and the acknowledgements; the rest is rebuilt by the next passes.
      this.state = emptySyncState();
    }
    return this.state;
  }

  private async saveState(): Promise<void> {
    if (!this.state) return;
    // Most passes change nothing: the file (written durably) is only written when it would differ.
    const text = canonicalJson(this.state);
    if (text === this.savedState) return;
    await mkdir(this.dir, { recursive: true });
    await writeDocument(this.stateFile, syncStateSchema, this.state);
    this.savedState = text;
  }

  /** The saved state without the time of its pass (computed once per save, compared on every pass). */
  private savedStateWithoutTime(): string {
    if (!this.savedState) return '';
    if (this.savedWithoutTime?.from !== this.savedState) {
      const saved = JSON.parse(this.savedState) as SyncState;
      this.savedWithoutTime = { from: this.savedState, text: canonicalJson({ ...saved, lastPassAt: null }) };
    }
    return this.savedWithoutTime.text;
  }

  private async profileFor(profileId: string): Promise<Profile> {
    const profile = await this.services.profiles.get(profileId);
    if (!profile) throw syncError('syncSetup.noProfile', {}, 'not-found');
    return profile;
  }

  // ---------------------------------------------------------------- channels

  async configure(profileId: string, input: SyncSettingsInput): Promise<SyncStatus> {
    const profile = await this.profileFor(profileId);
    const current = await this.loadConfig();
    if (current && current.profileId !== profileId) {
      const owner = await this.services.profiles.get(current.profileId);
      throw syncError('syncSetup.ownedByOther', { name: owner?.name ?? current.profileId }, 'conflict');
    }
    const folder = path.resolve(input.folder.trim());
    let info;
    try {
      info = await lstat(folder);
    } catch {
      throw syncError('syncSetup.folderMissing', { folder }, 'not-found');
    }
    if (!info.isDirectory()) throw syncError('syncSetup.notFolder', { folder });
    const dataDir = path.resolve(this.services.health.dataDir());
    const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
    if (inside(folder, dataDir) || inside(dataDir, folder)) throw syncError('syncSetup.insideData');
    const config: SyncConfig = syncConfigSchema.parse({
      folder,
      profileId,
      batchSeconds: input.batchSeconds ?? current?.batchSeconds ?? defaults.batchSeconds,
      scanSeconds: input.scanSeconds ?? current?.scanSeconds ?? defaults.scanSeconds,
      syncthing: input.syncthing === undefined ? (current?.syncthing ?? null) : input.syncthing,
      // The pinned supervisor is a key, not a place: it stays when the office folder moves.
      supervisor: current?.supervisor ?? null,
    });
    await this.saveConfig(config);
    this.problem = null;
    if (profile.role === 'supervisor') {
      const state = await this.loadState();
      if (!state.roster) {
        state.roster = {
          format: rosterFormat,
          version: 1,
          serial: 1,
          supervisor: await this.signed.personOf(profile),
          members: [],
          writtenAt: this.now(),
        };
        await this.saveState();
      }
    }
    await this.runPass();
    if (this.background) this.arm(config);
    return this.status(profileId);
  }

  async disable(profileId: string): Promise<SyncStatus> {
    const config = await this.loadConfig();
    if (config && config.profileId !== profileId) throw syncError('syncSetup.notYoursToStop', {}, 'forbidden');
    this.disarm();
    while (this.running) await this.running;
    await this.saveConfig(null);
    this.problem = null;
    return this.status(profileId);
  }

  async runNow(profileId: string): Promise<SyncStatus> {
    await this.requireMine(profileId);
    await this.runPass();
    return this.status(profileId);
  }

  private async requireMine(profileId: string): Promise<SyncConfig> {
    const config = await this.loadConfig();
    if (!config) throw syncError('syncSetup.notSetUp', {}, 'not-found');
    if (config.profileId !== profileId) throw syncError('syncSetup.notYours', {}, 'forbidden');
    return config;
  }

  async join(profileId: string, fingerprintText: string): Promise<SyncStatus> {
    const config = await this.requireMine(profileId);
    const hex = parseFingerprint(fingerprintText);
    if (!hex) throw syncError('syncSetup.badFingerprintSupervisor');
    const text = await readPeerText(path.join(config.folder, hex, rosterFileName));
    if (text === null) throw syncError('syncSetup.noRoster', { fingerprint: groupedFingerprint(hex) }, 'not-found');
    const outcome = verifySignedFile(text, rosterBodySchema, (body) => body.supervisor.publicKey, hex, this.services.signer);
    if (!outcome.ok) throw syncError('syncSetup.rosterInvalid', { details: outcome.message });
    const roster = outcome.body;
    if (roster.supervisor.role !== 'supervisor') throw syncError('syncSetup.rosterNotSupervisor');
    const supervisor = { ...roster.supervisor, fingerprint: groupedFingerprint(hex) };
    await this.saveConfig({ ...config, supervisor });
    // The fingerprint was checked by hand: this is the explicit step that makes this key a supervisor here.
    await this.trust([roster.supervisor], roster, 'sync-join');
    const state = await this.loadState();
    state.roster = roster;
    await this.saveState();
    await this.runPass();
    return this.status(profileId);
  }

  async admit(profileId: string, fingerprintText: string): Promise<SyncStatus> {
    const config = await this.requireMine(profileId);
    const hex = parseFingerprint(fingerprintText);
    if (!hex) throw syncError('syncSetup.badFingerprint');
    const state = await this.loadState();
    const roster = state.roster;
    if (!roster) throw syncError('syncSetup.noRosterYet', {}, 'not-found');
    if (roster.members.some((member) => folderNameOf(this.services.signer.fingerprint(member.publicKey)) === hex)) return this.status(profileId);
    const identity = await this.signed.readIdentity(config.folder, hex);
    if (!identity.ok) throw syncError('syncSetup.noIdentity', { fingerprint: groupedFingerprint(hex), details: identity.message }, 'not-found');
    const person = identity.body.person;
    if (person.profileId === profileId) throw syncError('syncSetup.yourself');
    if (roster.members.some((member) => member.profileId === person.profileId)) {
      throw syncError('syncSetup.sameIdOtherKey', { name: person.name }, 'conflict');
    }
    state.roster = {
      ...roster,
      serial: roster.serial + 1,
      members: [...roster.members, { ...person, joinedAt: this.now() }],
      writtenAt: this.now(),
    };
    await this.trust([person], state.roster, 'sync-admit');
    await this.saveState();
    await this.runPass();
    return this.status(profileId);
  }

  // ---------------------------------------------------------------- status

  async status(profileId: string): Promise<SyncStatus> {
    const config = await this.loadConfig();
    const profile = await this.services.profiles.get(profileId);
    const base: SyncStatus = {
      configured: !!config,
      folder: config?.folder ?? null,
      profileId: config?.profileId ?? null,
      state: 'off',
      problem: this.problem,
      role: profile?.role ?? null,
      myFingerprint: null,
      supervisor: null,
      onRoster: false,
      rosterSerial: null,
      pendingToSend: 0,
      lastPassAt: null,
      lastReceivedAt: null,
      people: [],
      joinRequests: [],
      refused: [],
      syncthing: null,
    };
    if (!config || !profile || config.profileId !== profileId) return base;
    const state = await this.loadState();
    const me = await this.services.signer.identity(profileId);
    const myHex = folderNameOf(me.fingerprint);
    const peers = await this.peers(profile, config, state);
    const people = peers.map((peer) => ({
      profileId: peer.person.profileId,
      name: peer.person.name,
      role: peer.person.role,
      fingerprint: groupedFingerprint(peer.folder),
      lastPackageAt: state.lastPackageAt[peer.folder] ?? null,
      lastAckAt: state.lastAckAt[peer.folder] ?? null,
      unacknowledged: state.outbox.filter((entry) => entry.recipient === peer.folder).length,
    }));
    const pendingToSend = state.outbox.length;
    const onRoster = profile.role === 'supervisor' || !!state.roster?.members.some((member) => member.profileId === profileId && folderNameOf(this.services.signer.fingerprint(member.publicKey)) === myHex);
    const joined = profile.role === 'supervisor' || !!config.supervisor;
    return {
      ...base,
      state: this.problem ? 'problem' : !joined ? 'not-joined' : pendingToSend > 0 ? 'pending' : 'ok',
      myFingerprint: me.fingerprint,
      supervisor: config.supervisor ? { profileId: config.supervisor.profileId, name: config.supervisor.name, fingerprint: config.supervisor.fingerprint } : null,
      onRoster,
      rosterSerial: state.roster?.serial ?? null,
      pendingToSend,
      lastPassAt: state.lastPassAt,
      lastReceivedAt: state.lastReceivedAt,
      people,
      joinRequests: profile.role === 'supervisor' ? await this.findJoinRequests(config, state, myHex) : [],
      refused: [...state.refused].reverse().map((refusal) => ({
        senderName: refusal.senderName,
        fingerprint: groupedFingerprint(refusal.folder),
        file: refusal.file,
        reason: refusal.reason,
        message: refusal.message,
        ...(refusal.key ? { key: refusal.key } : {}),
        ...(refusal.params ? { params: refusal.params } : {}),
        at: refusal.at,
      })),
      syncthing: config.syncthing ? await readSyncthing(config.syncthing.address, config.syncthing.apiKey, config.folder) : null,
    };
  }

  // ---------------------------------------------------------------- the pass

  /** One pass, never two at once; a request during a pass runs one more right after it. */
  async runPass(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      while (this.running) await this.running;
      return;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.pass();
      } while (this.rerun && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async pass(): Promise<void> {
    const config = await this.loadConfig();
    if (!config) return;
    const profile = await this.services.profiles.get(config.profileId);
    if (!profile) {
      this.problem = { code: 'no-profile', message: '设置同步的身份已不存在' };
      return;
    }
    const state = await this.loadState();
    const ctx: CallContext = { profile, services: this.services };
    const me = await this.services.signer.identity(profile.id);
    const myHex = folderNameOf(me.fingerprint);
    this.myHex = myHex;
    let problem: Problem | null = null;
    try {
      const info = await lstat(config.folder);
      if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    } catch (error) {
      this.problem = describeIoError(error, `同步文件夹 ${config.folder} `);
      state.lastPassAt = this.now();
      await this.saveState();
      this.passes++;
      return;
    }
    this.watchFolder(config.folder);
    const own = path.join(config.folder, myHex);
    const outbox = path.join(own, outboxFolderName);

    // 1. My own subfolder: identity (and the roster, for a supervisor).
    let writable = true;
    try {
      await removeOwnTemporaries(own);
      await removeOwnTemporaries(outbox);
      await this.signed.publishIdentity(own, profile);
      if (profile.role === 'supervisor' && state.roster) await this.signed.publishSigned(path.join(own, rosterFileName), profile.id, state.roster);
    } catch (error) {
      writable = false;
      problem = describeIoError(error, '同步文件夹中你自己的子文件夹');
    }

    // 2. A manager follows the supervisor's roster (signed by the pinned key only).
    if (profile.role === 'manager' && config.supervisor) await this.followRoster(config, state);

    // 3. Import what is addressed to me.
    const peers = await this.peers(profile, config, state);
    for (const peer of peers) {
      this.watchFolder(path.join(config.folder, peer.folder));
      this.watchFolder(path.join(config.folder, peer.folder, outboxFolderName));
      const failure = await this.importFrom(ctx, config, state, peer, myHex);
      if (failure) problem = failure;
    }

    // 4. Send what each peer lacks; write again what vanished before being acknowledged; acknowledge; prune.
    if (writable) {
      try {
        for (const peer of peers) await this.sendTo(ctx, config, state, peer, outbox);
        await this.rewriteLost(ctx, state, peers, outbox);
        await this.signed.publishAcks(own, profile, state, me.publicKey);
        for (const peer of peers) await this.prune(config, state, peer, myHex, outbox);
      } catch (error) {
        problem = isDomainError(error) ? { code: error.code, message: `无法生成交换包：${error.message}` } : describeIoError(error, '同步文件夹');
      }
    }
    // The time of the pass alone is not worth a durable write: it is saved with the next real change.
    const changed = canonicalJson({ ...state, lastPassAt: null }) !== this.savedStateWithoutTime();
    state.lastPassAt = this.now();
    if (changed) await this.saveState();
    this.problem = problem;
    this.passes++;
  }

  /** The people this profile exchanges packages with: a supervisor's roster managers; a manager's roster supervisors. */
  private async peers(profile: Profile, config: SyncConfig, state: SyncState): Promise<Peer[]> {
    const roster = state.roster;
    if (!roster) return [];
    const peers: Peer[] = [];
    const add = (person: Person) => {
      if (person.profileId === profile.id) return;
      const folder = folderNameOf(this.services.signer.fingerprint(person.publicKey));
      if (!peers.some((peer) => peer.folder === folder)) peers.push({ folder, person });
    };
    if (profile.role === 'supervisor') {
      for (const member of roster.members) if (member.role === 'manager') add(stripMember(member));
    } else if (config.supervisor) {
      add(roster.supervisor);
      for (const member of roster.members) if (member.role === 'supervisor') add(stripMember(member));
    }
    return peers;
  }

  private async trust(people: Person[], roster: RosterBody, how: string): Promise<void> {
    const known = new Map((await this.services.exchange.trusted()).map((entry) => [entry.profileId, entry]));
    const entries: TrustEntry[] = [];
    for (const person of people) {
      if (known.has(person.profileId) || (await this.services.profiles.get(person.profileId))) continue;
      entries.push({
        ...person,
        fingerprint: this.services.signer.fingerprint(person.publicKey),
        firstSeen: this.now(),
        introducedBy: { packageId: `${how}-roster-${roster.serial}`, senderId: roster.supervisor.profileId, senderName: roster.supervisor.name },
      });
    }
    await this.services.exchange.addTrusted(entries);
  }

  private async followRoster(config: SyncConfig, state: SyncState): Promise<void> {
    const supervisor = config.supervisor!;
    const hex = folderNameOf(supervisor.fingerprint);
    const text = await readPeerText(path.join(config.folder, hex, rosterFileName));
    if (text === null) return;
    const outcome = this.signed.verified(path.join(config.folder, hex, rosterFileName), text, rosterBodySchema, (body) => body.supervisor.publicKey, hex, supervisor.publicKey);
    if (!outcome.ok) {
      this.refuse(state, hex, supervisor.name, rosterFileName, 'roster-invalid', coded('invalid-input', 'syncRefusal.rosterInvalid', { details: outcome.message }), 'roster');
      return;
    }
    if (state.roster && outcome.body.serial <= state.roster.serial) return;
    state.roster = outcome.body;
    // Supervisor trust on a manager's machine comes only from this roster (or the join step).
    await this.trust(outcome.body.members.filter((member) => member.role === 'supervisor').map(stripMember), outcome.body, 'sync');
  }

  private async findJoinRequests(config: SyncConfig, state: SyncState, myHex: string): Promise<SyncStatus['joinRequests']> {
    const onRoster = new Set((state.roster?.members ?? []).map((member) => folderNameOf(this.services.signer.fingerprint(member.publicKey))));
    const requests: SyncStatus['joinRequests'] = [];
    let folders;
    try {
      folders = await listPersonFolders(config.folder);
    } catch {
      return [];
    }
    for (const folder of folders) {
      if (folder.link || folder.name === myHex || onRoster.has(folder.name)) continue;
      // A newcomer's identity may land a moment after their folder: watch the folder for it.
      this.watchFolder(path.join(config.folder, folder.name));
      const identity = await this.signed.readIdentity(config.folder, folder.name);
      if (!identity.ok) continue;
      const person = identity.body.person;
      requests.push({ profileId: person.profileId, name: person.name, role: person.role, unit: person.unit, fingerprint: groupedFingerprint(folder.name) });
    }
    return requests;
  }

  /** Keep a refusal for the person: its zh-CN text, and its catalogue key and parameters for their language. */
  private refuse(state: SyncState, folder: string, senderName: string, file: string, reason: string, problem: DomainError, stamp: string): void {
    state.refused = state.refused.filter((refusal) => !(refusal.folder === folder && refusal.file === file));
    const keyed = { ...(problem.key ? { key: problem.key } : {}), ...(problem.params ? { params: problem.params } : {}) };
    state.refused.push({ folder, senderName, file, reason, message: problem.message, ...keyed, at: this.now(), stamp });
    if (state.refused.length > maxRefusalsKept) state.refused.splice(0, state.refused.length - maxRefusalsKept);
  }

  /** Import the packages in a peer's outbox that are addressed to me and not merged yet. Returns a problem of this machine (not of the package). */
  private async importFrom(ctx: CallContext, config: SyncConfig, state: SyncState, peer: Peer, myHex: string): Promise<Problem | null> {
    const peerRoot = path.join(config.folder, peer.folder);
    try {
      const info = await lstat(peerRoot);
      if (info.isSymbolicLink()) {
        this.refuse(state, peer.folder, peer.person.name, peer.folder, 'symlink', coded('invalid-input', 'syncRefusal.folderLink'), 'link');
        return null;
      }
    } catch {
      return null;
    }
    const files = (await listOutbox(config.folder, peer.folder)).filter((file) => file.recipient === myHex && !isReceived(state.received[peer.folder], file.seq));
    const allowed = await this.allowedNewPeople(ctx.profile!, config, state);
    let handled = 0;
    for (const file of files) {
      if (handled >= maxImportsPerPass) {
        this.rerun = true;
        break;
      }
      const full = path.join(peerRoot, outboxFolderName, file.name);
      const read = await readPeerFile(full, maxPackageBytes);
      const earlier = state.refused.find((refusal) => refusal.folder === peer.folder && refusal.file === file.name);
      if (earlier && earlier.stamp === read.stamp) continue;
      handled++;
      if (!read.ok) {
        if (read.reason === 'gone') continue;
        const problem =
          read.reason === 'symlink'
            ? coded('invalid-input', 'syncRefusal.fileLink')
            : read.reason === 'too-large'
              ? coded('invalid-input', 'syncRefusal.tooLarge', { size: (read.size / 1024 / 1024).toFixed(1), limit: maxPackageBytes / 1024 / 1024 })
              : coded('invalid-input', 'syncRefusal.notFile');
        this.refuse(state, peer.folder, peer.person.name, file.name, read.reason, problem, read.stamp);
        continue;
      }
      const input = { fileName: file.name, dataBase64: read.bytes.toString('base64') };
      try {
        const preview = await previewPackage(ctx, input);
        if (folderNameOf(preview.sender.fingerprint) !== peer.folder) {
          throw refusal('wrong-sender', 'syncSetup.wrongSender', { name: preview.sender.name, fingerprint: preview.sender.fingerprint });
        }
        if (!preview.recipients.some((recipient) => recipient.profileId === ctx.profile!.id)) throw refusal('not-for-me', 'syncSetup.notForMe');
        const unknown = preview.people.filter((person) => person.known === 'new');
        for (const person of unknown) {
          const entry = allowed.get(person.profileId);
          if (!entry || this.services.signer.fingerprint(entry.publicKey) !== person.fingerprint || entry.role !== person.role) {
            throw refusal('not-on-roster', 'syncSetup.notOnRoster', { name: person.name, role: person.role });
          }
        }
        await applyPackage(ctx, { ...input, trustSender: unknown.length > 0 });
        state.received[peer.folder] = markReceived(state.received[peer.folder], file.seq);
        state.lastPackageAt[peer.folder] = this.now();
        state.lastReceivedAt = this.now();
        state.refused = state.refused.filter((item) => !(item.folder === peer.folder && item.file === file.name));
      } catch (error) {
        if (!isDomainError(error)) return describeIoError(error, '数据文件夹');
        const details = error.details as { reason?: string } | undefined;
        this.refuse(state, peer.folder, peer.person.name, file.name, details?.reason ?? error.code, error, read.stamp);
      }
    }
    return null;
  }

  /** Who a package may introduce here: roster people with their roster key and role (never anyone else). */
  private async allowedNewPeople(profile: Profile, config: SyncConfig, state: SyncState): Promise<Map<string, Person>> {
    const allowed = new Map<string, Person>();
    const roster = state.roster;
    if (!roster) return allowed;
    if (profile.role === 'supervisor') {
      for (const member of roster.members) allowed.set(member.profileId, stripMember(member));
    } else if (config.supervisor) {
      allowed.set(roster.supervisor.profileId, roster.supervisor);
      for (const member of roster.members) if (member.role === 'supervisor') allowed.set(member.profileId, stripMember(member));
    }
    return allowed;
  }

  private async documentsFor(profile: Profile, peer: Peer, sent: Record<string, SentDocument>): Promise<DocumentContent[]> {
    const authorId = profile.role === 'manager' ? profile.id : peer.person.profileId;
    // Not only submitted ones: a withdrawn document is a draft again, and its withdraw record must still travel
    // (what decides is whether a revision was ever submitted).
    const summaries = (await this.services.reports.list()).filter((summary) => summary.authorId === authorId);
    const documents: DocumentContent[] = [];
    for (const summary of summaries) {
      // Review logs only grow, and every package carries a document's whole log: when as many records were sent
      // as the document has now, the recipient has them all (and every revision, each having its submit record).
      const before = sent[summary.id];
      if (before && before.records.length === summary.reviewCount) continue;
      const revisions = await this.services.reviews.revisions(summary.id);
      if (!revisions.length) continue;
      const records = (await this.services.reviews.records(summary.id)).map((record) => ({ id: record.id, authorId: record.authorId }));
      documents.push({ docId: summary.id, revisions, records });
    }
    return documents;
  }

  private async exportFor(ctx: CallContext, peer: Peer, ids: string[]): Promise<ExportedPackage | null> {
    try {
      return ctx.profile!.role === 'manager'
        ? await exportSubmissions(ctx, { ids, toSupervisor: peer.person.profileId })
        : await exportReviews(ctx, { managerId: peer.person.profileId, ids });
    } catch (error) {
      // A supervisor with no reviews (and no office templates) for this manager has nothing to send; anything else is a real problem.
      if (isDomainError(error) && error.code === 'not-found' && ctx.profile!.role === 'supervisor' && nothingToExport.has(error.key ?? '')) return null;
      throw error;
    }
  }

  /** The office's custom templates as a supervisor's package carries them: `id@version` of each latest version. */
  private async officeTemplatesKey(): Promise<string> {
    const latest = (await this.services.templates.listLatest()).filter((summary) => !summary.builtIn);
    return latest
      .map((summary) => `${summary.id}@${summary.version}`)
      .sort()
      .join(',');
  }

  private async sendTo(ctx: CallContext, config: SyncConfig, state: SyncState, peer: Peer, outbox: string): Promise<void> {
    const profile = ctx.profile!;
    const recipientId = peer.person.profileId;
    const sent = (state.sent[recipientId] ??= {});
    const documents = await this.documentsFor(profile, peer, sent);
    const lacking = documents.filter((doc) => recipientLacks(doc, sent[doc.docId], recipientId, profile.role === 'manager'));
    // What the recipient lacks nothing of, they have whole (their own records included): not read again until it grows.
    for (const doc of documents) if (!lacking.includes(doc)) sent[doc.docId] = afterSending(doc);
    // A supervisor's package always carries the office templates; one that changed goes even with no review due.
    const templates = profile.role === 'supervisor' ? await this.officeTemplatesKey() : '';
    const templatesDue = templates !== '' && state.templatesSent?.[recipientId] !== templates;
    if (!lacking.length && !templatesDue) return;
    const pkg = await this.exportFor(ctx, peer, lacking.map((doc) => doc.docId));
    if (!pkg) return;
    if (templates !== '') (state.templatesSent ??= {})[recipientId] = templates;
    const seq = await this.nextSeq(config, state, peer);
    const name = packageFileName(peer.folder, seq);
    const bytes = Buffer.from(pkg.dataBase64, 'base64');
    await writeOwnFile(path.join(outbox, name), bytes);
    state.nextSeq[peer.folder] = seq + 1;
    state.outbox.push({ recipient: peer.folder, seq, file: name, docIds: lacking.map((doc) => doc.docId), at: this.now(), bytes: bytes.length });
    for (const doc of lacking) sent[doc.docId] = afterSending(doc);
    await this.saveState();
  }

  private async nextSeq(config: SyncConfig, state: SyncState, peer: Peer): Promise<number> {
    const me = folderNameOf((await this.services.signer.identity(config.profileId)).fingerprint);
    const inOutbox = (await listOutbox(config.folder, me)).filter((file) => file.recipient === peer.folder).map((file) => file.seq);
    const ack = (await this.signed.readAcks(config, peer))?.peers[me];
    const used = state.outbox.filter((entry) => entry.recipient === peer.folder).map((entry) => entry.seq);
    return nextSequence(state.nextSeq[peer.folder], [...inOutbox, ...used], ack);
  }

  /** A package deleted from my outbox before its recipient acknowledged it is written again under the same number. */
  private async rewriteLost(ctx: CallContext, state: SyncState, peers: Peer[], outbox: string): Promise<void> {
    for (const entry of state.outbox) {
      const peer = peers.find((item) => item.folder === entry.recipient);
      if (!peer) continue;
      try {
        await lstat(path.join(outbox, entry.file));
        continue;
      } catch {
        // Missing: written again below.
      }
      const pkg = await this.exportFor(ctx, peer, entry.docIds);
      if (!pkg) continue;
      await writeOwnFile(path.join(outbox, entry.file), Buffer.from(pkg.dataBase64, 'base64'));
    }
  }

  private async prune(config: SyncConfig, state: SyncState, peer: Peer, myHex: string, outbox: string): Promise<void> {
    const ack = (await this.signed.readAcks(config, peer))?.peers[myHex];
    const done = prunable(state.outbox, peer.folder, ack);
    if (!done.length) return;
    for (const entry of done) await rm(path.join(outbox, entry.file), { force: true });
    const gone = new Set(done);
    state.outbox = state.outbox.filter((entry) => !gone.has(entry));
    state.lastAckAt[peer.folder] = this.now();
    await this.saveState();
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}

/** The catalogue keys of "nothing to export" from `exportReviews`. */
const nothingToExport: ReadonlySet<string> = new Set(['exchange.noReviewsForManager', 'exchange.noReviews']);

function stripMember(member: RosterBody['members'][number]): Person {
  const { joinedAt: _joinedAt, ...person } = member;
  return person;
}

function refusal(reason: string, key: MessageKey, params?: MessageParams): DomainError {
  return coded('forbidden', key, params, { details: { reason } });
}
