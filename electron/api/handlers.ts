import { existingDraft, moveToVersion, templateUpdate } from '../core/reports/version-use-cases';
import { loadDemoData } from '../core/demo/use-cases';
import { ExportJobs, type ExportFile } from '../core/export/jobs';
import type { ExportSaveResult } from '../core/export/schema';
import { checkExportRequest, exportMimeType, runExport } from '../core/export/use-cases';
import { readXlsxWorkbook, xlsxNotices } from '../core/import/xlsx-reader';
import { getCopyCheck } from '../core/insight/copy-check';
import { insightDashboard, insightSentences } from '../core/insight/use-cases';
import {
  applyPackage,
  exportReviews,
  exportSubmissions,
  importLog,
  myIdentity,
  previewPackage,
  trustedPeople,
} from '../core/exchange/use-cases';
import { rosterManagers } from '../core/calendar/roster';
import { requireProfile, requireRole } from '../core/common/permissions';
import { coded } from '../core/common/messages';
import { admitToOffice, configureSync, disableSync, joinOffice, syncNow, syncStatus } from '../core/sync/use-cases';
import { changePassphrase } from '../core/profiles/passphrase';
import { createProfile, listProfiles, selectProfile } from '../core/profiles/use-cases';
import {
  createReport,
  deleteDraft,
  getReport,
  listReports,
  previousReportInfo,
  saveDraft,
  searchReports,
} from '../core/reports/use-cases';
import {
  addComment,
  compareRevisions,
  decide,
  editComment,
  getReview,
  getRevision,
  inbox,
  markFixed,
  notSubmitted,
  reopenReport,
  replyToComment,
  retractComment,
  settleComment,
  submitReport,
  verifyAll,
  verifyReview,
  withdrawReport,
} from '../core/review/use-cases';
import { getSettings, updateSettings } from '../core/settings/use-cases';
import type { CallContext } from '../core/services';
import type { BackupPort } from '../core/backup/ports';
import {
  duplicateTemplate,
  exportTemplate,
  getTemplate,
  importTemplate,
  listTemplates,
  saveTemplate,
  retireTemplate,
} from '../core/templates/use-cases';
import type { ChannelName, ChannelOutput, ParsedInput } from './contract';

export type Handler<K extends ChannelName> = (ctx: CallContext, input: ParsedInput<K>) => Promise<ChannelOutput<K>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

/** Application version reported by `app:info`; set by the transport from package.json. */
export interface AppIdentity {
  name: string;
  version: string;
}

/**
 * Acts only the desktop app can do, given by the Electron main process. Browser mode (the HTTP transport) and
 * the CLI leave them out, and the channels that need them refuse in plain words.
 */
export interface DesktopActs {
  /**
   * Open a file this app saved (an export written through the save dialog) with the system's default program.
   * Any other path is refused ('not-saved'); 'failed' carries the system's reason.
   */
  openSavedFile(filePath: string): Promise<{ opened: true } | { opened: false; reason: 'not-saved' } | { opened: false; reason: 'failed'; problem: string }>;
  /**
   * Save a finished export through the native save dialog, written all or nothing by the main process (the
   * bytes never pass through the page). `saved: false` when the person cancels the dialog.
   */
  saveExport(file: ExportFile): Promise<ExportSaveResult>;
}

/** Every channel's use case, by name (Actual Budget's handler map). Thin: the logic lives in core. */
export function createHandlers(identity: AppIdentity, options: { desktop?: DesktopActs } = {}): Handlers {
  // Export jobs live as long as the dispatcher (one per running app); each belongs to the profile that started it.
  const exportJobs = new ExportJobs();
  return {
    'app:info': async (ctx) => ({
      name: identity.name,
      version: identity.version,
      dataDir: ctx.services.health.dataDir(),
      problemCount: (await ctx.services.health.problems()).length,
      profileCount: (await ctx.services.profiles.list()).length,
    }),
    'profiles:list': (ctx) => listProfiles(ctx),
    'profiles:create': (ctx, input) => createProfile(ctx, input),
    'profiles:select': (ctx, input) => selectProfile(ctx, input.id, input.passphrase),
    'settings:get': (ctx) => getSettings(ctx),
    'settings:update': (ctx, input) => updateSettings(ctx, input),
    'store:problems': (ctx) => ctx.services.health.problems(),
    'demo:load': (ctx) => loadDemoData(ctx),
    'templates:list': (ctx) => listTemplates(ctx),
    'templates:get': (ctx, input) => getTemplate(ctx, input),
    'templates:duplicate': (ctx, input) => duplicateTemplate(ctx, input),
    'templates:save': (ctx, input) => saveTemplate(ctx, input),
    'templates:export': (ctx, input) => exportTemplate(ctx, input),
    'templates:import': (ctx, input) => importTemplate(ctx, input),
    'reports:list': (ctx, input) => listReports(ctx, input),
    'reports:search': (ctx, input) => searchReports(ctx, input),
    'reports:get': (ctx, input) => getReport(ctx, input.id),
    'reports:create': (ctx, input) => createReport(ctx, input),
    'reports:previous': (ctx, input) => previousReportInfo(ctx, input),
    'reports:save-draft': (ctx, input) => saveDraft(ctx, input),
    'reports:submit': (ctx, input) => submitReport(ctx, input),
    'review:get': (ctx, input) => getReview(ctx, input),
    'review:decide': (ctx, input) => decide(ctx, input),
    'review:reopen': (ctx, input) => reopenReport(ctx, input),
    'review:comment': (ctx, input) => addComment(ctx, input),
    'review:edit-comment': (ctx, input) => editComment(ctx, input),
    'review:retract-comment': (ctx, input) => retractComment(ctx, input),
    'review:reply': (ctx, input) => replyToComment(ctx, input),
    'review:mark-fixed': (ctx, input) => markFixed(ctx, input),
    'review:settle': (ctx, input) => settleComment(ctx, input),
    'review:revision': (ctx, input) => getRevision(ctx, input),
    'review:compare': (ctx, input) => compareRevisions(ctx, input),
    'review:verify': (ctx, input) => verifyReview(ctx, input),
    'review:verify-all': (ctx) => verifyAll(ctx),
    'review:inbox': (ctx, input) => inbox(ctx, input),
    'review:not-submitted': (ctx, input) => notSubmitted(ctx, input),
    'insight:dashboard': (ctx, input) => insightDashboard(ctx, input),
    'insight:copy-check': (ctx, input) => getCopyCheck(ctx, input),
    'insight:sentences': (ctx, input) => insightSentences(ctx, input),
    'tables:read-xlsx': async (ctx, input) => {
      requireProfile(ctx);
      const workbook = await readXlsxWorkbook(input.fileName, Buffer.from(input.dataBase64, 'base64'));
      return { sheets: workbook.sheets, notices: xlsxNotices(workbook) };
    },
    'export:start': async (ctx, input) => {
      const profile = requireProfile(ctx);
      await checkExportRequest(ctx, input);
      return { jobId: exportJobs.start(profile.id, (monitor) => runExport(ctx, input, monitor)) };
    },
    'export:status': async (ctx, input) => exportJobs.status(requireProfile(ctx).id, input.jobId),
    'export:cancel': async (ctx, input) => exportJobs.cancel(requireProfile(ctx).id, input.jobId),
    'export:open-file': async (ctx, input) => {
      requireProfile(ctx);
      if (!options.desktop) throw coded('unavailable', 'export.openDesktopOnly');
      const outcome = await options.desktop.openSavedFile(input.path);
      if (outcome.opened) return { opened: true as const };
      if (outcome.reason === 'not-saved') throw coded('forbidden', 'export.openNotSaved');
      throw coded('unavailable', 'export.openFailed', { path: input.path, problem: outcome.problem });
    },
    'export:save': async (ctx, input) => {
      const profileId = requireProfile(ctx).id;
      if (!options.desktop) throw coded('unavailable', 'export.saveDesktopOnly');
      return options.desktop.saveExport(exportJobs.take(profileId, input.jobId));
    },
    'export:result': async (ctx, input) => {
      const file = exportJobs.take(requireProfile(ctx).id, input.jobId);
      return { fileName: file.fileName, mimeType: exportMimeType(file.fileName), dataBase64: Buffer.from(file.bytes).toString('base64') };
    },
    'exchange:identity': (ctx) => myIdentity(ctx),
    'exchange:trusted': (ctx) => trustedPeople(ctx),
    'exchange:roster': async (ctx) => {
      requireRole(ctx, 'supervisor');
      return rosterManagers(ctx);
    },
    'exchange:export-submissions': (ctx, input) => exportSubmissions(ctx, input),
    'exchange:export-reviews': (ctx, input) => exportReviews(ctx, input),
    'exchange:preview': (ctx, input) => previewPackage(ctx, input),
    'exchange:apply': (ctx, input) => applyPackage(ctx, input),
    'exchange:log': (ctx) => importLog(ctx),
    'reports:delete': async (ctx, input) => {
      await deleteDraft(ctx, input);
      return { deleted: true as const };
    },
    'templates:retire': (ctx, input) => retireTemplate(ctx, input),
    'reports:template-update': (ctx, input) => templateUpdate(ctx, input),
    'reports:move-to-version': (ctx, input) => moveToVersion(ctx, input),
    'reports:existing-draft': (ctx, input) => existingDraft(ctx, input),
    'backup:status': (ctx) => backupPort(ctx).status(),
    'backup:now': (ctx) => backupPort(ctx).backupNow(),
    'backup:set-folder': (ctx, input) => backupPort(ctx).setFolder(input.folder),
    'backup:inspect': (ctx, input) => backupPort(ctx).inspect(input.file),
    'backup:restore': (ctx, input) => backupPort(ctx).restore(input),
    'data:move': (ctx, input) => backupPort(ctx).moveData(input.target),
    'sync:status': (ctx) => syncStatus(ctx),
    'sync:now': (ctx) => syncNow(ctx),
    'sync:configure': (ctx, input) => configureSync(ctx, input),
    'sync:disable': (ctx) => disableSync(ctx),
    'sync:join': (ctx, input) => joinOffice(ctx, input),
    'sync:admit': (ctx, input) => admitToOffice(ctx, input),
    'review:withdraw': (ctx, input) => withdrawReport(ctx, input),
    // The transport forgets the window's profile (api/sessions.ts); nothing changes in the store.
    'profiles:sign-out': async () => ({ signedOut: true as const }),
    'profiles:change-passphrase': (ctx, input) => changePassphrase(ctx, input),
  };
}

/** The running app's backup service (the caller must have a profile); unavailable where no host provides one. */
function backupPort(ctx: CallContext): BackupPort {
  requireProfile(ctx);
  if (!ctx.services.backup) throw coded('unavailable', 'backup.notHere');
  return ctx.services.backup;
}
