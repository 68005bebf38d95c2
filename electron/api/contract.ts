/**
 * The API contract: every channel's input and output schema, the one typed surface both transports and the
 * renderer share. One file on purpose (issue #16: over 500 lines): the one contract, read and checked as a whole.
 */
import { z } from 'zod';
import { newProfileSchema, profileSchema } from '../core/common/schemas/profile';
import {
  reportSchema,
  reportStatusSchema,
  reportSummarySchema,
  reportWithTemplateSchema,
  sectionContentSchema,
} from '../core/common/schemas/report';
import { anchorSchema, commentKindSchema, gradeSchema, meetingFlagSchema } from '../core/common/schemas/review';
import { languageSchema, settingsSchema, stockToSalesRangeSchema } from '../core/settings/schema';
import { fontSettingsSchema } from '../core/export/fonts';
import { onTimeRuleSchema } from '../core/calendar/on-time';
import { insightSettingsSchema, copyCheckViewSchema, dashboardViewSchema, sentencesResultSchema } from '../core/insight/schema';
import { officeCalendarSchema } from '../core/calendar/office-calendar';
import { rosterEntrySchema } from '../core/calendar/schema';
import { exportJobStatusSchema, exportResultSchema, exportSaveResultSchema } from '../core/export/schema';
import { backupPreviewSchema, backupRecordSchema, backupStatusSchema, moveDataResultSchema, restoreResultSchema } from '../core/backup/schema';
import { applyResultSchema, exportedPackageSchema, identityViewSchema, importLogSchema, packagePreviewSchema, trustEntrySchema } from '../core/exchange/schema';
import { commentViewSchema } from '../core/common/schemas/review-view';
import {
  inboxSchema,
  notSubmittedEntrySchema,
  revisionComparisonSchema,
  reviewViewSchema,
  verifyAllSchema,
  verifyReportSchema,
} from '../core/review/schema';
import { documentKindSchema, templateSchema, templateSummarySchema } from '../core/common/schemas/template';
import { storeProblemSchema } from '../core/common/schemas/health';
import { demoLoadResultSchema } from '../core/demo/schema';
import { xlsxTablesSchema } from '../core/import/schema';
import { movedDraftSchema, searchResultSchema, templateUpdateSchema } from '../core/reports/schema';
import { templateFileTextSchema, templateImportSchema, templateVersionsSchema } from '../core/templates/schema';
import { syncStatusSchema } from '../core/sync/schema';
import {
  backupFileInput,
  copyCheckInput,
  dashboardInput,
  exportJobInput,
  exportRequestSchema,
  exportReviewsInput,
  exportSubmissionsInput,
  fingerprintInput,
  moveDataInput,
  packageFileInput,
  restoreInput,
  sentencesInput,
  setFolderInput,
  syncConfigureInput,
} from './inputs';

z.config(z.locales.zhCN());

/** Whether a channel needs an active profile. Channels used before one exists say 'none'. */
export type ProfileNeed = 'required' | 'none';

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  profile: ProfileNeed;
  /** One line for the contract table in docs and for the CLI's help. */
  summary: string;
}

function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

const empty = z.object({}).strict();
const idInput = z.object({ id: z.string().min(1).max(80) }).strict();
const metadataInput = z.record(z.string().max(40), z.string().max(2000));

/**
 * The whole API: one entry per channel, named `domain:verb`. Both transports (Electron IPC and loopback
 * HTTP) and the CLI go through the same dispatcher, which validates input and output against these schemas.
 */
export const contract = {
  'app:info': channel({
    summary: 'Version, data folder and store health',
    profile: 'none',
    input: empty,
    output: z
      .object({
        name: z.string(),
        version: z.string(),
        dataDir: z.string(),
        problemCount: z.number().int(),
        profileCount: z.number().int(),
      })
      .strict(),
  }),
  'profiles:list': channel({
    summary: 'Local profiles on this machine',
    profile: 'none',
    input: empty,
    output: z.array(profileSchema),
  }),
  'profiles:create': channel({
    summary: 'Create a local profile (name, role, unit)',
    profile: 'none',
    input: newProfileSchema,
    output: profileSchema,
  }),
  'profiles:select': channel({
    summary: "Make a profile the active one on this machine; a supervisor's passphrase unlocks (or first sets) their key",
    profile: 'none',
    input: z.object({ id: z.string().min(1).max(80), passphrase: z.string().max(200).optional() }).strict(),
    output: profileSchema,
  }),
  'settings:get': channel({
    summary: 'Application settings',
    profile: 'none',
    input: empty,
    output: settingsSchema,
  }),
  'settings:update': channel({
    summary: 'Change application settings',
    profile: 'none',
    input: z
      .object({
        language: languageSchema.optional(),
        officeName: z.string().trim().min(1).max(60).optional(),
        gradeScale: z.array(gradeSchema).min(2).max(10).optional(),
        exportFonts: fontSettingsSchema.optional(),
        onTimeRule: onTimeRuleSchema.optional(),
        insight: insightSettingsSchema.optional(),
        officeCalendar: officeCalendarSchema.optional(),
        stockToSalesRange: stockToSalesRangeSchema.optional(),
      })
      .strict(),
    output: settingsSchema,
  }),
  'store:problems': channel({
    summary: 'Data files that failed validation and were moved aside',
    profile: 'none',
    input: empty,
    output: z.array(storeProblemSchema),
  }),
  'demo:load': channel({
    summary: 'Load the sample office (idempotent)',
    profile: 'none',
    input: empty,
    output: demoLoadResultSchema,
  }),
  'templates:list': channel({
    summary: 'Latest version of every template',
    profile: 'required',
    input: empty,
    output: z.array(templateSummarySchema),
  }),
  'templates:get': channel({
    summary: 'One template version (latest by default)',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), version: z.number().int().min(1).optional() }).strict(),
    output: templateVersionsSchema,
  }),
  'templates:duplicate': channel({
    summary: 'Copy a template into a new editable custom template',
    profile: 'required',
    input: z
      .object({ id: z.string().min(1).max(80), version: z.number().int().min(1).optional(), name: z.string().trim().min(1).max(60) })
      .strict(),
    output: templateSchema,
  }),
  'templates:save': channel({
    summary: 'Save an edited custom template as a new version',
    profile: 'required',
    input: z.object({ template: templateSchema, baseVersion: z.number().int().min(1) }).strict(),
    output: templateSchema,
  }),
  'templates:export': channel({
    summary: 'A template version as a shareable file',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), version: z.number().int().min(1).optional() }).strict(),
    output: templateFileTextSchema,
  }),
  'templates:import': channel({
    summary: 'Import a template file (validated, errors name field and line)',
    profile: 'required',
    input: z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(2_000_000) }).strict(),
    output: templateImportSchema,
  }),
  'reports:list': channel({
    summary: 'Documents the caller may see, filtered (newest first; `limit`: only the first ones)',
    profile: 'required',
    input: z
      .object({
        kind: documentKindSchema.optional(),
        status: reportStatusSchema.optional(),
        period: z.string().max(20).optional(),
        authorId: z.string().max(80).optional(),
        retailer: z.string().max(60).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    output: z.array(reportSummarySchema),
  }),
  'reports:search': channel({
    summary: 'Chinese full-text search over visible documents',
    profile: 'required',
    input: z
      .object({
        query: z.string().trim().min(1).max(100),
        kind: documentKindSchema.optional(),
        status: reportStatusSchema.optional(),
        period: z.string().max(20).optional(),
        authorId: z.string().max(80).optional(),
        retailer: z.string().max(60).optional(),
      })
      .strict(),
    output: z.array(searchResultSchema),
  }),
  'reports:get': channel({
    summary: 'One document with its template version',
    profile: 'required',
    input: idInput,
    output: reportWithTemplateSchema,
  }),
  'reports:create': channel({
    summary: 'New draft from a template',
    profile: 'required',
    input: z
      .object({ templateId: z.string().min(1).max(80), metadata: metadataInput, basedOnPrevious: z.boolean().optional() })
      .strict(),
    output: reportSchema,
  }),
  'reports:previous': channel({
    summary: "The author's previous document of a template (for 'based on last period')",
    profile: 'required',
    input: z
      .object({ templateId: z.string().min(1).max(80), period: z.string().max(20).optional(), subject: z.string().max(200).optional() })
      .strict(),
    output: reportSummarySchema.nullable(),
  }),
  'reports:save-draft': channel({
    summary: 'Save a draft: merged by section and table row against `base`; conflict only where both sides changed a part',
    profile: 'required',
    input: z
      .object({
        id: z.string().min(1).max(80),
        baseRev: z.number().int().min(1),
        title: z.string().max(200).optional(),
        metadata: metadataInput,
        sections: z.record(z.string().max(60), sectionContentSchema),
        /** The changed parts as they were when editing began: the save merges by section and row (see saveDraft). */
        base: z
          .object({
            metadata: metadataInput.optional(),
            sections: z.record(z.string().max(60), sectionContentSchema.nullable()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: reportSchema,
  }),
  'reports:delete': channel({
    summary: 'Delete a draft that was never submitted',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), baseRev: z.number().int().min(1) }).strict(),
    output: z.object({ deleted: z.literal(true) }).strict(),
  }),
  'reports:submit': channel({
    summary: 'Submit a draft: checks completeness, freezes the revision, records the submission',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), baseRev: z.number().int().min(1), note: z.string().max(2000).optional() }).strict(),
    output: reportSchema,
  }),
  'review:get': channel({
    summary: "A document's review: comments, decisions, workflow, revisions; marks it read",
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), markRead: z.boolean().optional() }).strict(),
    output: reviewViewSchema,
  }),
  'review:decide': channel({
    summary: 'Grade the latest submitted revision, then return it or approve it (supervisor)',
    profile: 'required',
    input: z
      .object({
        id: z.string().min(1).max(80),
        decision: z.enum(['return', 'approve']),
        grade: z.string().min(1).max(20),
        reason: z.string().max(2000).optional(),
        meetingFlag: meetingFlagSchema,
        overall: z.string().max(5000).optional(),
      })
      .strict(),
    output: reportSchema,
  }),
  'review:reopen': channel({
    summary: 'Reopen an approved document for review (supervisor, recorded)',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), reason: z.string().trim().min(1).max(2000) }).strict(),
    output: reportSchema,
  }),
  'review:comment': channel({
    summary: 'Comment on a passage, a table cell, a section or the whole document (supervisor)',
    profile: 'required',
    input: z
      .object({ id: z.string().min(1).max(80), anchor: anchorSchema, kind: commentKindSchema, text: z.string().trim().min(1, '点评内容不能为空').max(5000) })
      .strict(),
    output: commentViewSchema,
  }),
  'review:edit-comment': channel({
    summary: 'Edit own comment: appends a new version, the history stays',
    profile: 'required',
    input: z
      .object({ id: z.string().min(1).max(80), commentId: z.string().min(1).max(80), kind: commentKindSchema, text: z.string().trim().min(1, '点评内容不能为空').max(5000) })
      .strict(),
    output: commentViewSchema,
  }),
  'review:retract-comment': channel({
    summary: 'Withdraw own comment: appends a retraction that stays visible',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), commentId: z.string().min(1).max(80), reason: z.string().max(2000).optional() }).strict(),
    output: commentViewSchema,
  }),
  'review:reply': channel({
    summary: "Reply in a comment's thread (author or supervisor)",
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), commentId: z.string().min(1).max(80), text: z.string().trim().min(1, '回复内容不能为空').max(5000) }).strict(),
    output: commentViewSchema,
  }),
  'review:mark-fixed': channel({
    summary: 'Mark a comment 已整改 with a note (the author)',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), commentId: z.string().min(1).max(80), note: z.string().trim().min(1, '请说明整改情况').max(5000) }).strict(),
    output: commentViewSchema,
  }),
  'review:settle': channel({
    summary: 'Confirm a fix (resolve) or reopen a comment (supervisor)',
    profile: 'required',
    input: z
      .object({ id: z.string().min(1).max(80), commentId: z.string().min(1).max(80), action: z.enum(['resolve', 'reopen']), reason: z.string().max(2000).optional() })
      .strict(),
    output: commentViewSchema,
  }),
  'review:revision': channel({
    summary: 'A frozen submitted revision',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), revision: z.number().int().min(1) }).strict(),
    output: reportWithTemplateSchema,
  }),
  'review:compare': channel({
    summary: 'Differences between two submitted revisions, with the earlier comments',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
    output: revisionComparisonSchema,
  }),
  'review:verify': channel({
    summary: "Check a document's review log against its hash chain",
    profile: 'required',
    input: idInput,
    output: verifyReportSchema,
  }),
  'review:verify-all': channel({
    summary: 'Check every visible review log; returns the ones with problems',
    profile: 'required',
    input: empty,
    output: verifyAllSchema,
  }),
  'review:inbox': channel({
    summary: '待审阅 with read/unread, filters and counts',
    profile: 'required',
    input: z
      .object({
        kind: documentKindSchema.optional(),
        status: reportStatusSchema.optional(),
        period: z.string().max(20).optional(),
        authorId: z.string().max(80).optional(),
        grade: z.string().max(20).optional(),
        unreadOnly: z.boolean().optional(),
        /** Supervisors see only submitted documents unless a status is given or this is set. */
        includeAll: z.boolean().optional(),
      })
      .strict(),
    output: inboxSchema,
  }),
  'review:not-submitted': channel({
    summary: 'Managers who have not submitted each daily/monthly template for a period (supervisor)',
    profile: 'required',
    input: z.object({ period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, '期间格式应为 2026-11 或 2026-11-05') }).strict(),
    output: z.array(notSubmittedEntrySchema),
  }),
  'insight:dashboard': channel({
    summary: 'Per-manager statistics for a month: documents, on time/late/missing, grades, comments (a manager: own row)',
    profile: 'required',
    input: dashboardInput,
    output: dashboardViewSchema,
  }),
  'insight:copy-check': channel({
    summary: "A submitted revision's copy detection (雷同检测) with the matching passages (supervisor)",
    profile: 'required',
    input: copyCheckInput,
    output: copyCheckViewSchema,
  }),
  'insight:sentences': channel({
    summary: "Draft sentences from a data table's figures by the template's wording rules (生成描述)",
    profile: 'required',
    input: sentencesInput,
    output: sentencesResultSchema,
  }),
  'tables:read-xlsx': channel({
    summary: 'Read an .xlsx file as rows of text, for importing rows into a data table',
    profile: 'required',
    input: z
      .object({ fileName: z.string().min(1).max(255), dataBase64: z.string().min(1).max(14_000_000) })
      .strict(),
    output: xlsxTablesSchema,
  }),
  'export:start': channel({
    summary: 'Start an export (Word, Excel, 台账 register, meeting pack) in the background; returns its job id',
    profile: 'required',
    input: exportRequestSchema,
    output: z.object({ jobId: z.string() }).strict(),
  }),
  'export:status': channel({
    summary: "An export job's state and progress",
    profile: 'required',
    input: exportJobInput,
    output: exportJobStatusSchema,
  }),
  'export:cancel': channel({
    summary: 'Cancel a running export job (nothing is written)',
    profile: 'required',
    input: exportJobInput,
    output: exportJobStatusSchema,
  }),
  'export:open-file': channel({
    summary: 'Open an export this app saved (desktop app only; the browser refuses: there the file is a download)',
    profile: 'required',
    input: z
      .object({ path: z.string().min(1).max(4096).refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), '应为完整路径') })
      .strict(),
    output: z.object({ opened: z.literal(true) }).strict(),
  }),
  'export:save': channel({
    summary:
      "Desktop app: the main process saves a finished export through the save dialog (the file never passes through the page); the job is dropped. Browser mode refuses: there the file is a download (export:result)",
    profile: 'required',
    input: exportJobInput,
    output: exportSaveResultSchema,
  }),
  'export:result': channel({
    summary: "Browser mode: a finished export's file (base64) for the browser's download; the job is dropped",
    profile: 'required',
    input: exportJobInput,
    output: exportResultSchema,
  }),
  'exchange:identity': channel({
    summary: "The caller's signing key (made on first use): public key and fingerprint",
    profile: 'required',
    input: empty,
    output: identityViewSchema,
  }),
  'exchange:trusted': channel({
    summary: 'Keys met through packages (trust on first use)',
    profile: 'required',
    input: empty,
    output: z.array(trustEntrySchema),
  }),
  'exchange:roster': channel({
    summary: "The supervisor's roster: local managers and managers met through packages",
    profile: 'required',
    input: empty,
    output: z.array(rosterEntrySchema),
  }),
  'exchange:export-submissions': channel({
    summary: 'A signed submission package (.rdpkg) of chosen documents or of everything new since the last export (manager)',
    profile: 'required',
    input: exportSubmissionsInput,
    output: exportedPackageSchema,
  }),
  'exchange:export-reviews': channel({
    summary: 'A signed review package (.rdpkg) for one manager or all (supervisor)',
    profile: 'required',
    input: exportReviewsInput,
    output: exportedPackageSchema,
  }),
  'exchange:preview': channel({
    summary: 'Check a package and show what it holds and what is new; writes nothing (supervisors confirmed by fingerprint as for apply)',
    profile: 'required',
    input: z.object({ ...packageFileInput, confirmSupervisors: z.array(z.string().max(60)).max(20).optional() }).strict(),
    output: packagePreviewSchema,
  }),
  'exchange:apply': channel({
    summary: 'Import a package: verify everything, then merge (idempotent); trustSender confirms a first-seen key',
    profile: 'required',
    input: z
      .object({
        ...packageFileInput,
        trustSender: z.boolean(),
        /** Fingerprints of supervisors (not the sender) checked with them on this machine: trusted as supervisors. */
        confirmSupervisors: z.array(z.string().max(60)).max(20).optional(),
      })
      .strict(),
    output: applyResultSchema,
  }),
  'exchange:log': channel({
    summary: "The caller's imports, newest first, and an unfinished import if any",
    profile: 'required',
    input: empty,
    output: importLogSchema,
  }),
  'templates:retire': channel({
    summary: 'Retire an office template: a last version offered for no new document (its publisher, a supervisor)',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), baseVersion: z.number().int().min(1) }).strict(),
    output: templateSchema,
  }),
  'reports:template-update': channel({
    summary: "A newer version of the draft's template, what changed and what would have no place (null when none)",
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80) }).strict(),
    output: templateUpdateSchema.nullable(),
  }),
  'reports:move-to-version': channel({
    summary: 'Move a draft to a newer version of its template, keeping what has a place and listing the rest',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), baseRev: z.number().int().min(1), version: z.number().int().min(1) }).strict(),
    output: movedDraftSchema,
  }),
  'reports:existing-draft': channel({
    summary: "The caller's unsubmitted document of a template and period (to offer it instead of a second draft)",
    profile: 'required',
    input: z.object({ templateId: z.string().min(1).max(80), period: z.string().max(20), subject: z.string().max(200).optional() }).strict(),
    output: reportSummarySchema.nullable(),
    }),
  'backup:status': channel({
    summary: 'The data folder, where backups go, the last backup (or why it failed) and the backups kept',
    profile: 'required',
    input: empty,
    output: backupStatusSchema,
  }),
  'backup:now': channel({
    summary: 'Back up the whole data folder now (a consistent snapshot between acts) into the backup folder',
    profile: 'required',
    input: empty,
    output: backupRecordSchema,
  }),
  'backup:set-folder': channel({
    summary: 'Choose the backup folder (null: the default beside the data folder)',
    profile: 'required',
    input: setFolderInput,
    output: backupStatusSchema,
  }),
  'backup:inspect': channel({
    summary: 'Check a backup file completely and show what it holds; changes nothing',
    profile: 'required',
    input: backupFileInput,
    output: backupPreviewSchema,
  }),
  'backup:restore': channel({
    summary: 'Restore a backup into a new folder, or replace the current data after a safety backup of it',
    profile: 'required',
    input: restoreInput,
    output: restoreResultSchema,
  }),
  'data:move': channel({
    summary: 'Move the data folder: copy, verify every file, switch; the old folder is kept',
    profile: 'required',
    input: moveDataInput,
    output: moveDataResultSchema,
    }),
  'sync:status': channel({
    summary: 'Office sync: folder, people, last package and acknowledgement, pending, refused packages, Syncthing state',
    profile: 'required',
    input: empty,
    output: syncStatusSchema,
  }),
  'sync:now': channel({
    summary: 'Office sync: one pass now (send what is new, import what arrived, acknowledge, prune)',
    profile: 'required',
    input: empty,
    output: syncStatusSchema,
  }),
  'sync:configure': channel({
    summary: 'Office sync: choose the shared folder (and optionally a local Syncthing API key)',
    profile: 'required',
    input: syncConfigureInput,
    output: syncStatusSchema,
  }),
  'sync:disable': channel({
    summary: 'Office sync: stop syncing on this machine (the folder is left as it is)',
    profile: 'required',
    input: empty,
    output: syncStatusSchema,
  }),
  'sync:join': channel({
    summary: "Office sync (manager): join by the supervisor's fingerprint, checked by hand",
    profile: 'required',
    input: fingerprintInput,
    output: syncStatusSchema,
  }),
  'sync:admit': channel({
    summary: 'Office sync (supervisor): put someone who asked to join on the signed roster, by their fingerprint',
    profile: 'required',
    input: fingerprintInput,
    output: syncStatusSchema,
    }),
  'review:withdraw': channel({
    summary: 'Withdraw (撤回) a submission no supervisor has opened yet (its author; recorded in the review log)',
    profile: 'required',
    input: z.object({ id: z.string().min(1).max(80), reason: z.string().max(2000).optional() }).strict(),
    output: reportSchema,
  }),
  'profiles:sign-out': channel({
    summary: "End this window's profile (back to the chooser); the transport forgets the window's active profile",
    profile: 'none',
    input: empty,
    output: z.object({ signedOut: z.literal(true) }).strict(),
  }),
  'profiles:change-passphrase': channel({
    summary: "A supervisor changes their key's passphrase: current, new, new again; the key is re-encrypted atomically",
    profile: 'required',
    input: z
      .object({ current: z.string().min(1).max(200), passphrase: z.string().min(1).max(200), repeat: z.string().min(1).max(200) })
      .strict(),
    output: z.object({ changed: z.literal(true) }).strict(),
  }),
};


export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
/** The input after validation (defaults applied), as handlers receive it. */
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
