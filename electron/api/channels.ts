import type { ChannelName } from './contract';

/**
 * Channel names as plain data, for the preload (which must not bundle zod). A unit test checks that this
 * list equals the contract's keys.
 */
export const channelNames = [
  'app:info',
  'profiles:list',
  'profiles:create',
  'profiles:select',
  'settings:get',
  'settings:update',
  'store:problems',
  'demo:load',
  'templates:list',
  'templates:get',
  'templates:duplicate',
  'templates:save',
  'templates:export',
  'templates:import',
  'reports:list',
  'reports:search',
  'reports:get',
  'reports:create',
  'reports:previous',
  'reports:save-draft',
  'reports:delete',
  'reports:submit',
  'review:get',
  'review:decide',
  'review:reopen',
  'review:comment',
  'review:edit-comment',
  'review:retract-comment',
  'review:reply',
  'review:mark-fixed',
  'review:settle',
  'review:revision',
  'review:compare',
  'review:verify',
  'review:verify-all',
  'review:inbox',
  'review:not-submitted',
  'insight:dashboard',
  'insight:copy-check',
  'insight:sentences',
  'tables:read-xlsx',
  'export:start',
  'export:status',
  'export:cancel',
  'export:result',
  'export:save',
  'export:open-file',
  'exchange:identity',
  'exchange:trusted',
  'exchange:roster',
  'exchange:export-submissions',
  'exchange:export-reviews',
  'exchange:preview',
  'exchange:apply',
  'exchange:log',
  'templates:retire',
  'reports:template-update',
  'reports:move-to-version',
  'reports:existing-draft',
  'backup:status',
  'backup:now',
  'backup:set-folder',
  'backup:inspect',
  'backup:restore',
  'data:move',
  'sync:status',
  'sync:now',
  'sync:configure',
  'sync:disable',
  'sync:join',
  'sync:admit',
  'review:withdraw',
  'profiles:sign-out',
  'profiles:change-passphrase',
] as const satisfies readonly ChannelName[];

export type KnownChannel = (typeof channelNames)[number];

/**
 * The one IPC call that is not an API channel: the desktop app's save dialog for an exported file
 * (`window.reportdesk.saveFile(defaultName, dataBase64)` → a native dialog, then an atomic write).
 */
export const saveFileChannel = 'file:save-export';

/** Main → every window: a document changed (`{ docId, rev?, channel }`, a ChangeEvent). */
export const changeEventChannel = 'api:changed';

/**
 * A document changed: its id, its stored revision counter when the call returned it, and by which channel.
 * Here rather than in the dispatcher so the renderer can name it without pulling the handlers into its build.
 */
export interface ChangeEvent {
  docId: string;
  rev?: number;
  channel: string;
}
