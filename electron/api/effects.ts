/**
 * The contract's second half: for every channel, what its answer shows or what it changes. Written once, here;
 * the renderer turns it into cache refreshes (renderer/api/refreshes.ts) and the dispatcher into change events
 * for other windows (dispatcher.ts, changesOneDocument) and sync passes (leavesSomethingToSend). Nobody writes a
 * list of reads to refresh, of acts to announce or of acts to sync by hand.
 *
 * A read `shows` topics: it is refreshed after any act that `changes` one of them. A changing channel `changes`
 * topics, or `everything` (an act after which nothing shown can be trusted: another profile, a restore, an
 * import). A channel that changes nothing a read shows (a verification, an export) `changes: []`.
 */
import type { ChannelName } from './contract';

/** What can change, and so what a read can show. */
export const topics = {
  profiles: 'the local profiles',
  settings: 'application settings, including the office calendar, the grade scale, the 存销比 range and the copy threshold (they shape the inbox, 未提交 and 统计)',
  templates: 'templates and their versions',
  'document-text': "a draft's text and fields, as saved while it is written (lists and search show its title, retailer and time; the editor holding it is its writer)",
  documents: 'documents as a whole: created, deleted, submitted, withdrawn, moved to another template version',
  reviews: 'review records: comments, replies, fixes, decisions and grades',
  exchange: 'the log of exchange packages made and received',
  trust: 'the people and keys this machine knows (roster, trusted supervisors)',
  backup: 'backups and their folder',
  sync: 'the shared sync folder and its state',
} as const;

export type Topic = keyof typeof topics;

export type Effect = { readonly shows: readonly Topic[] } | { readonly changes: readonly Topic[] | 'everything' };

/** Everything that shows a document or its review: the lists, the document, its review and the counts built on them. */
const documentView = ['documents', 'reviews'] as const;
/** Counts and lists that also depend on the office's settings (calendar, threshold, range). */
const officeView = ['documents', 'reviews', 'settings'] as const;

export const effects = {
  'app:info': { shows: [] },
  'profiles:list': { shows: ['profiles'] },
  'profiles:create': { changes: ['profiles'] },
  'profiles:select': { changes: 'everything' },
  'profiles:sign-out': { changes: 'everything' },
  'profiles:change-passphrase': { changes: [] },
  'settings:get': { shows: ['settings'] },
  'settings:update': { changes: ['settings'] },
  'store:problems': { shows: [] },
  'demo:load': { changes: 'everything' },

  'templates:list': { shows: ['templates'] },
  'templates:get': { shows: ['templates'] },
  'templates:duplicate': { changes: ['templates'] },
  'templates:save': { changes: ['templates'] },
  'templates:import': { changes: ['templates'] },
  'templates:retire': { changes: ['templates'] },
  'templates:export': { changes: [] },

  // The open document's text belongs to its editor: a save refreshes the lists, not the document it came from.
  'reports:get': { shows: documentView },
  'reports:list': { shows: ['document-text', ...documentView] },
  'reports:search': { shows: ['document-text', ...documentView] },
  'reports:previous': { shows: ['documents'] },
  'reports:existing-draft': { shows: ['documents'] },
  'reports:template-update': { shows: ['templates', 'documents'] },
  'reports:create': { changes: ['documents'] },
  'reports:save-draft': { changes: ['document-text'] },
  'reports:delete': { changes: ['documents'] },
  'reports:submit': { changes: ['documents', 'reviews'] },
  'reports:move-to-version': { changes: ['documents'] },

  'review:get': { shows: documentView },
  'review:revision': { shows: documentView },
  'review:compare': { shows: documentView },
  'review:inbox': { shows: officeView },
  'review:not-submitted': { shows: officeView },
  'review:decide': { changes: ['reviews'] },
  'review:reopen': { changes: ['reviews'] },
  'review:comment': { changes: ['reviews'] },
  'review:edit-comment': { changes: ['reviews'] },
  'review:retract-comment': { changes: ['reviews'] },
  'review:reply': { changes: ['reviews'] },
  'review:mark-fixed': { changes: ['reviews'] },
  'review:settle': { changes: ['reviews'] },
  'review:withdraw': { changes: ['documents', 'reviews'] },
  'review:verify': { changes: [] },
  'review:verify-all': { changes: [] },

  'insight:dashboard': { shows: officeView },
  'insight:copy-check': { shows: officeView },
  'insight:sentences': { shows: [] },
  'tables:read-xlsx': { shows: [] },

  'export:start': { changes: [] },
  'export:status': { shows: [] },
  'export:result': { shows: [] },
  'export:save': { shows: [] },
  'export:cancel': { changes: [] },
  'export:open-file': { changes: [] },

  'exchange:identity': { shows: [] },
  'exchange:trusted': { shows: ['trust'] },
  'exchange:roster': { shows: ['trust'] },
  'exchange:preview': { shows: [] },
  'exchange:log': { shows: ['exchange'] },
  'exchange:export-submissions': { changes: ['exchange'] },
  'exchange:export-reviews': { changes: ['exchange'] },
  'exchange:apply': { changes: 'everything' },

  'backup:status': { shows: ['backup'] },
  'backup:inspect': { shows: [] },
  'backup:now': { changes: ['backup'] },
  'backup:set-folder': { changes: ['backup'] },
  'backup:restore': { changes: 'everything' },
  'data:move': { changes: 'everything' },

  'sync:status': { shows: ['sync'] },
  'sync:now': { changes: ['sync'] },
  'sync:configure': { changes: ['sync'] },
  'sync:disable': { changes: ['sync'] },
  'sync:join': { changes: ['sync', 'trust'] },
  'sync:admit': { changes: ['sync', 'trust'] },
} as const satisfies Record<ChannelName, Effect>;

/** Channels that change something (the ones a mutation hook may call). */
export type ChangingChannel = { [K in ChannelName]: (typeof effects)[K] extends { changes: unknown } ? K : never }[ChannelName];

const channelNames = Object.keys(effects) as ChannelName[];

/** The reads an act by `channel` makes stale: `all`, or the reads showing a topic it changes (none for a read). */
export function staleAfter(channel: ChannelName): ChannelName[] | 'all' {
  const effect: Effect = effects[channel];
  if (!('changes' in effect)) return [];
  const changes = effect.changes;
  if (changes === 'everything') return 'all';
  return channelNames.filter((name) => {
    const other: Effect = effects[name];
    return 'shows' in other && other.shows.some((topic) => changes.includes(topic));
  });
}

/** Topics of a single document: an act changing one of them, keyed by the input's `id`, is announced to other windows. */
const documentTopics: readonly Topic[] = ['document-text', 'documents', 'reviews'];

/** Channels that change one document (its text, status or review log), keyed by the input's `id`. */
export function changesOneDocument(channel: ChannelName, input: unknown): input is { id: string } {
  const effect: Effect = effects[channel];
  if (!('changes' in effect) || effect.changes === 'everything') return false;
  return effect.changes.some((topic) => documentTopics.includes(topic)) && typeof (input as { id?: unknown } | null)?.id === 'string';
}

/**
 * What travels between machines (exchange packages, the sync folder): the review logs (submissions, 撤回 and
 * every review record) and the office's templates. An act changing one of them may leave something to send, so it
 * starts a sync pass (the dispatcher tells the sync service).
 */
const travellingTopics: readonly Topic[] = ['reviews', 'templates'];

/** Whether a successful `channel` may leave something to send to other machines. */
export function leavesSomethingToSend(channel: ChannelName): boolean {
  const effect: Effect = effects[channel];
  return 'changes' in effect && effect.changes !== 'everything' && effect.changes.some((topic) => travellingTopics.includes(topic));
}
