import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../electron/core/common/schemas/report';
import { logLineSchema } from '../../electron/core/common/schemas/review';
import type { Template } from '../../electron/core/common/schemas/template';
import { BulkLoader } from '../../electron/store/bulk-load';
import { openStore } from '../../electron/store/open-store';
import { planOffice, type DocumentPlan, type Flow } from '../../scripts/seed/office';
import { documentIds, protectSupervisorKeys, runDocument, seedOffice } from '../../scripts/seed/seed-office';
import { hashFolder, makeTempDir } from '../helpers/temp-store';

const seedsDir = path.resolve(__dirname, '..', '..', 'seeds');

/** A few documents of every template and every review history, from a small generated office. */
function samplePlans(): { office: ReturnType<typeof planOffice>; plans: DocumentPlan[] } {
  const office = planOffice({ count: 400, seed: 'bulk-load-test' });
  const plans: DocumentPlan[] = [];
  const flows: Flow[] = ['draft', 'submitted', 'approved', 'returned', 'resubmitted'];
  for (const templateId of new Set(office.plans.map((plan) => plan.templateId))) {
    for (const flow of flows) {
      const plan = office.plans.find((item) => item.templateId === templateId && item.flow === flow);
      if (plan) plans.push(plan);
    }
  }
  // Two documents by the same author and of the same day, so copy checks have pools to compare against.
  plans.push(...office.plans.filter((plan) => plan.flow === 'approved').slice(0, 6));
  return { office, plans: [...new Set(plans)].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)) };
}

describe('the bulk loader', () => {
  it('writes exactly the files the app writes when the same acts go through the real store one by one', async () => {
    const { office, plans } = samplePlans();
    expect(new Set(plans.map((plan) => plan.flow)).size).toBe(5);

    const bulkDir = await makeTempDir();
    const loader = await BulkLoader.open({ dataDir: bulkDir, seedsDir });
    for (const profile of office.profiles) await loader.services.profiles.save(profile);
    await protectSupervisorKeys(loader.services, office.profiles);
    for (const plan of plans) {
      loader.useIds(documentIds(office, plan));
      await runDocument(plan, office, loader.services, loader.clock, (await loader.services.templates.get(plan.templateId)) as Template);
      await loader.flush();
    }
    const result = await loader.finish();
    expect(result.documents).toBe(plans.length);

    // The same acts, one by one, through the file repositories (with the signing keys the bulk load made).
    const appDir = await makeTempDir();
    await cp(path.join(bulkDir, 'keys'), path.join(appDir, 'keys'), { recursive: true });
    const store = await openStore({ dataDir: appDir, seedsDir, backgroundCheck: false });
    let now = new Date(0);
    const clock = { now: () => new Date(now), set: (iso: string) => (now = new Date(iso)) };
    let ids = { newId: () => 'unused' };
    const services = { ...store.services, clock, ids: { newId: () => ids.newId() } };
    for (const profile of office.profiles) await services.profiles.save(profile);
    await protectSupervisorKeys(services, office.profiles);
    for (const plan of plans) {
      ids = documentIds(office, plan);
      await runDocument(plan, office, services, clock, (await services.templates.get(plan.templateId)) as Template);
    }
    const appList = await store.services.reports.list();
    await store.close();

    // Every file is the same, byte for byte, except the caches that are written differently by design: the
    // index journal (compacted by the loader, appended to by the app) and the search segment.
    const withoutCaches = async (dir: string) => {
      const hashes = await hashFolder(dir);
      for (const name of Object.keys(hashes)) if (name.startsWith('index/') || name === '.lock') delete hashes[name];
      return hashes;
    };
    const bulkFiles = await withoutCaches(bulkDir);
    for (const folder of ['reports/', 'revisions/', 'reviews/', 'state/', 'insight/', 'profiles/']) {
      expect(Object.keys(bulkFiles).filter((name) => name.startsWith(folder) && bulkFiles[name] !== 'folder').length, folder).toBeGreaterThan(0);
    }
    expect(bulkFiles).toEqual(await withoutCaches(appDir));

    // The loader's folder opens, lists, reads and verifies like any other.
    const reopened = await openStore({ dataDir: bulkDir, seedsDir, backgroundCheck: false });
    try {
      const list = await reopened.services.reports.list();
      expect(list).toEqual(appList);
      for (const summary of list) {
        const report = await reopened.services.reports.get(summary.id);
        expect(reportSchema.safeParse(report).success).toBe(true);
        const verified = await reopened.services.reviews.verify(summary.id, report!.review ? { count: report!.review.count, head: report!.review.head } : { count: 0, head: '' });
        expect(verified, summary.id).toMatchObject({ ok: true });
        for (const revision of await reopened.services.reviews.revisions(summary.id)) {
          expect(await reopened.services.reviews.getRevision(summary.id, revision)).not.toBeNull();
        }
      }
      // A search finds documents through the segment the loader wrote.
      const hits = await reopened.services.reports.search('片区');
      expect(hits.length).toBeGreaterThan(0);
      expect(await reopened.services.health.problems()).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('seeds a generated office that the store opens, lists, reads and verifies', async () => {
    const dataDir = await makeTempDir();
    const seeded = await seedOffice({ dataDir, count: 120, seed: 'smoke' });
    expect(seeded.documents).toBe(120);
    const store = await openStore({ dataDir, seedsDir, backgroundCheck: false });
    try {
      const list = await store.services.reports.list();
      expect(list).toHaveLength(120);
      expect(new Set(list.map((summary) => summary.kind))).toEqual(new Set(['work-log', 'market-analysis', 'guidance-booklet', 'research']));
      for (const summary of list.filter((_, index) => index % 7 === 0)) {
        const report = await store.services.reports.get(summary.id);
        const file = await readFile(path.join(dataDir, 'reports', summary.id.slice(0, 2), `${summary.id}.json`), 'utf8');
        expect(reportSchema.parse(JSON.parse(file))).toEqual(report);
        const log = await readFile(path.join(dataDir, 'reviews', summary.id.slice(0, 2), `${summary.id}.ndjson`), 'utf8').catch(() => '');
        for (const line of log.split('\n').filter(Boolean)) expect(logLineSchema.safeParse(JSON.parse(line)).success).toBe(true);
        const verified = await store.services.reviews.verify(summary.id, { count: report!.review?.count ?? 0, head: report!.review?.head ?? '' });
        expect(verified.ok).toBe(true);
      }
    } finally {
      await store.close();
    }
  });
});
