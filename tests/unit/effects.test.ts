import { describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../electron/api/contract';
import { changesOneDocument, effects, staleAfter, topics, type Effect, type Topic } from '../../electron/api/effects';

const channels = Object.keys(contract) as ChannelName[];
const effectOf = (channel: ChannelName): Effect => effects[channel];
const reads = channels.filter((channel) => 'shows' in effectOf(channel));
const acts = channels.filter((channel) => 'changes' in effectOf(channel));

/** Before the contract declared its effects, the renderer listed by hand which reads each act refreshed. */
const documentViews: ChannelName[] = ['reports:get', 'reports:list', 'reports:search', 'review:get', 'review:revision', 'review:compare', 'review:inbox', 'review:not-submitted', 'insight:dashboard', 'insight:copy-check'];
const templateViews: ChannelName[] = ['templates:list', 'templates:get', 'reports:template-update'];
const handWritten: Partial<Record<ChannelName, ChannelName[] | 'all'>> = {
  'profiles:create': ['profiles:list'],
  'profiles:select': 'all',
  'profiles:sign-out': 'all',
  'settings:update': ['settings:get', 'review:inbox', 'review:not-submitted', 'insight:dashboard', 'insight:copy-check'],
  'demo:load': 'all',
  'templates:duplicate': templateViews,
  'templates:save': templateViews,
  'templates:import': templateViews,
  'templates:retire': templateViews,
  'reports:create': ['reports:list', 'reports:search', 'reports:existing-draft', 'reports:previous', 'review:not-submitted', 'insight:dashboard'],
  'reports:save-draft': ['reports:list', 'reports:search'],
  'reports:delete': [...documentViews, 'reports:existing-draft', 'reports:previous'],
  'reports:submit': [...documentViews, 'reports:existing-draft'],
  'reports:move-to-version': [...documentViews, 'reports:template-update'],
  'review:withdraw': [...documentViews, 'reports:existing-draft'],
  'exchange:export-submissions': ['exchange:log'],
  'exchange:export-reviews': ['exchange:log'],
  'exchange:apply': 'all',
  'backup:now': ['backup:status'],
  'backup:set-folder': ['backup:status'],
  'backup:restore': 'all',
  'data:move': 'all',
  'sync:now': ['sync:status'],
  'sync:join': ['sync:status', 'exchange:trusted', 'exchange:roster'],
  'sync:admit': ['sync:status', 'exchange:roster'],
};

describe('electron/api/effects.ts: what each channel shows or changes, declared once', () => {
  it('declares every channel of the contract, and nothing else', () => {
    expect(Object.keys(effects).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect('shows' in effectOf(channel) !== 'changes' in effectOf(channel), channel).toBe(true);
  });

  it('names only known topics, and every topic is both shown by a read and changed by an act', () => {
    const known = Object.keys(topics) as Topic[];
    const shown = new Set(reads.flatMap((channel) => (effectOf(channel) as { shows: readonly Topic[] }).shows));
    const changed = new Set(acts.flatMap((channel) => {
      const changes = (effectOf(channel) as { changes: readonly Topic[] | 'everything' }).changes;
      return changes === 'everything' ? [] : changes;
    }));
    expect([...shown, ...changed].filter((topic) => !known.includes(topic))).toEqual([]);
    expect(known.filter((topic) => !shown.has(topic)), 'a topic no read shows').toEqual([]);
    expect(known.filter((topic) => !changed.has(topic)), 'a topic no act changes').toEqual([]);
  });

  it('refreshes at least what the hand-written lists refreshed, and only reads', () => {
    for (const [channel, before] of Object.entries(handWritten) as [ChannelName, ChannelName[] | 'all'][]) {
      const stale = staleAfter(channel);
      if (before === 'all') expect(stale, channel).toBe('all');
      else expect(stale, channel).toEqual(expect.arrayContaining(before));
      if (stale !== 'all') expect(stale.filter((name) => !reads.includes(name)), channel).toEqual([]);
    }
    for (const channel of reads) expect(staleAfter(channel), channel).toEqual([]);
  });

  it('refreshes the inbox and the document after every review act, and the office counts after a settings change', () => {
    for (const channel of acts.filter((name) => name.startsWith('review:') && !name.startsWith('review:verify'))) {
      expect(staleAfter(channel), channel).toEqual(expect.arrayContaining(['review:inbox', 'review:get', 'reports:get', 'reports:list']));
    }
    expect(staleAfter('settings:update')).toEqual(expect.arrayContaining(['settings:get', 'review:inbox', 'review:not-submitted', 'insight:dashboard', 'insight:copy-check']));
  });

  it("leaves the open document to its editor: a save refreshes the lists and search only", () => {
    expect(staleAfter('reports:save-draft')).toEqual(['reports:list', 'reports:search']);
  });

  it('announces to other windows exactly the acts that change one document', () => {
    // Channels whose input names a document by `id` (a strict input without one never carries it).
    const keyedById = channels.filter((channel) => 'id' in ((contract[channel].input as unknown as { shape?: object }).shape ?? {}));
    const announced = keyedById.filter((channel) => changesOneDocument(channel, { id: 'doc-1' }));
    expect(announced.sort()).toEqual(
      [
        'reports:save-draft',
        'reports:submit',
        'reports:delete',
        'reports:move-to-version',
        'review:withdraw',
        'review:decide',
        'review:reopen',
        'review:comment',
        'review:edit-comment',
        'review:retract-comment',
        'review:reply',
        'review:mark-fixed',
        'review:settle',
      ].sort(),
    );
    // Without a document id (a new document, a whole-office act) nothing is announced.
    expect(changesOneDocument('reports:create', { templateId: 't' })).toBe(false);
    expect(changesOneDocument('exchange:apply', { id: 'doc-1' })).toBe(false);
  });
});
