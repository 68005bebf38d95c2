import { describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../electron/api/contract';
import { readOnlyChannels, refreshes } from '../../renderer/api/refreshes';

/** The renderer's one list of which reads each change refreshes covers the whole API and names real reads. */
describe('renderer/api/refreshes.ts', () => {
  const channels = Object.keys(contract) as ChannelName[];
  const changing = Object.keys(refreshes) as ChannelName[];

  it('puts every channel in exactly one list: changing (with what it refreshes) or read-only', () => {
    const unplaced = channels.filter((channel) => !changing.includes(channel) && !readOnlyChannels.includes(channel));
    const twice = changing.filter((channel) => readOnlyChannels.includes(channel));
    expect(unplaced, 'add the channel to refreshes or readOnlyChannels').toEqual([]);
    expect(twice).toEqual([]);
    expect([...changing, ...readOnlyChannels].filter((channel) => !channels.includes(channel)), 'not in the contract').toEqual([]);
  });

  it('refreshes only reads, and every review act refreshes the inbox and the document', () => {
    for (const [channel, stale] of Object.entries(refreshes)) {
      if (stale === 'all') continue;
      expect(stale.filter((name) => !readOnlyChannels.includes(name)), channel).toEqual([]);
    }
    for (const channel of changing.filter((name) => name.startsWith('review:') && !name.startsWith('review:verify'))) {
      expect(refreshes[channel as keyof typeof refreshes], channel).toEqual(expect.arrayContaining(['review:inbox', 'review:get', 'reports:get', 'reports:list']));
    }
    // One answer for a settings change wherever it is made (the issue found two cards that disagreed).
    expect(refreshes['settings:update']).toEqual(expect.arrayContaining(['settings:get', 'review:inbox', 'review:not-submitted', 'insight:dashboard']));
  });
});
