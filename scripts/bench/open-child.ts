// Bench child: open a data folder until its document list is ready, several times, in a fresh process (so its
// memory is the store's and Node's alone); then, optionally, time the background check of every file: the first
// pass, and the pass of the next open (which reads only files changed since).
// Prints one JSON line. Usage: tsx scripts/bench/open-child.ts <data folder> <rounds> [--check]
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '../../electron/store/open-store';

async function main(): Promise<void> {
  const [dataDir, roundsText, flag] = process.argv.slice(2);
  const rounds = Number(roundsText) || 5;
  global.gc?.();
  const baseline = process.memoryUsage();
  const times: number[] = [];
  let afterFirst: NodeJS.MemoryUsage | null = null;
  let documents = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const store = await openStore({ dataDir, backgroundCheck: false });
    const list = await store.services.reports.list();
    times.push(performance.now() - started);
    documents = list.length;
    if (!afterFirst) {
      global.gc?.();
      afterFirst = process.memoryUsage();
    }
    await store.close();
  }
  let check: { seconds: number; checked: number; again: { seconds: number; checked: number; unchanged: number } } | null = null;
  if (flag === '--check') {
    // The first pass, with no record of an earlier one (as after an upgrade), then the pass of the next open.
    await rm(path.join(dataDir, 'index', 'checked.json'), { force: true });
    const timeCheck = async () => {
      const store = await openStore({ dataDir });
      const started = performance.now();
      const result = await store.checked;
      const seconds = (performance.now() - started) / 1000;
      await store.close();
      return { seconds, ...result };
    };
    const first = await timeCheck();
    const again = await timeCheck();
    check = { seconds: first.seconds, checked: first.checked, again: { seconds: again.seconds, checked: again.checked, unchanged: again.unchanged } };
  }
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      documents,
      times,
      baselineRss: baseline.rss,
      baselineHeap: baseline.heapUsed,
      rss: afterFirst!.rss,
      heapUsed: afterFirst!.heapUsed,
      external: afterFirst!.external + afterFirst!.arrayBuffers,
      maxRss: usage.maxRSS * 1024,
      check,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
