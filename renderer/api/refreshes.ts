import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName } from '../../electron/api/contract';

/** Everything that shows a document, its review or the counts built from them. */
const documentViews: ChannelName[] = [
  'reports:get',
  'reports:list',
  'reports:search',
  'review:get',
  'review:revision',
  'review:compare',
  'review:inbox',
  'review:not-submitted',
  'insight:dashboard',
  'insight:copy-check',
];

const templateViews: ChannelName[] = ['templates:list', 'templates:get', 'reports:template-update'];

const syncViews: ChannelName[] = ['sync:status'];

/**
 * Which cached reads each changing channel makes stale, written once for every caller (a mutation hook, a review
 * act, the editor's submit). `all`: the act can change anything shown (an import, a restore, demo data).
 * tests/unit/refreshes.test.ts checks that every changing channel is listed and every read named exists.
 */
export const refreshes = {
  'profiles:create': ['profiles:list'],
  'profiles:select': 'all',
  'profiles:sign-out': 'all',
  'profiles:change-passphrase': [],
  // The office calendar, the 存销比 range and the copy threshold feed the inbox, 未提交 and 统计.
  'settings:update': ['settings:get', 'review:inbox', 'review:not-submitted', 'insight:dashboard', 'insight:copy-check'],
  'demo:load': 'all',
  'templates:duplicate': templateViews,
  'templates:save': templateViews,
  'templates:import': templateViews,
  'templates:retire': templateViews,
  'templates:export': [],
  'reports:create': ['reports:list', 'reports:search', 'reports:existing-draft', 'reports:previous', 'review:not-submitted', 'insight:dashboard'],
  'reports:save-draft': ['reports:list', 'reports:search'],
  'reports:delete': [...documentViews, 'reports:existing-draft', 'reports:previous'],
  'reports:submit': [...documentViews, 'reports:existing-draft'],
  'reports:move-to-version': [...documentViews, 'reports:template-update'],
  'review:decide': documentViews,
  'review:reopen': documentViews,
  'review:comment': documentViews,
  'review:edit-comment': documentViews,
  'review:retract-comment': documentViews,
  'review:reply': documentViews,
  'review:mark-fixed': documentViews,
  'review:settle': documentViews,
  'review:withdraw': [...documentViews, 'reports:existing-draft'],
  'review:verify': [],
  'review:verify-all': [],
  'export:start': [],
  'export:cancel': [],
  'export:open-file': [],
  'exchange:export-submissions': ['exchange:log'],
  'exchange:export-reviews': ['exchange:log'],
  'exchange:apply': 'all',
  'backup:now': ['backup:status'],
  'backup:set-folder': ['backup:status'],
  'backup:restore': 'all',
  'data:move': 'all',
  'sync:now': syncViews,
  'sync:configure': syncViews,
  'sync:disable': syncViews,
  'sync:join': [...syncViews, 'exchange:trusted', 'exchange:roster'],
  'sync:admit': [...syncViews, 'exchange:roster'],
} satisfies Partial<Record<ChannelName, readonly ChannelName[] | 'all'>>;

export type ChangingChannel = keyof typeof refreshes;

/** Channels that change nothing a read shows (every channel is in exactly one of the two lists). */
export const readOnlyChannels: ChannelName[] = [
  ...documentViews,
  ...templateViews,
  ...syncViews,
  'app:info',
  'profiles:list',
  'settings:get',
  'store:problems',
  'reports:previous',
  'reports:existing-draft',
  'insight:sentences',
  'tables:read-xlsx',
  'export:status',
  'export:result',
  'export:save',
  'exchange:identity',
  'exchange:trusted',
  'exchange:roster',
  'exchange:preview',
  'exchange:log',
  'backup:status',
  'backup:inspect',
];

/** Mark stale (and refetch where shown) what `channel` changed. */
export async function refreshAfter(client: QueryClient, channel: ChannelName): Promise<void> {
  const stale = (refreshes as Partial<Record<ChannelName, readonly ChannelName[] | 'all'>>)[channel];
  if (!stale) return;
  if (stale === 'all') {
    await client.invalidateQueries();
    return;
  }
  await Promise.all(stale.map((name) => client.invalidateQueries({ queryKey: [name] })));
}
