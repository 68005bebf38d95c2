// `npm run seed:large -- --count 50000 --data <folder> [--seed <text>]`: a realistic county office (30 customer
// managers, 3 supervisors, five years of work logs, monthly analyses, guidance booklets and research reports,
// with comments, grades, returns and resubmissions), deterministic for a seed, written into an empty folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSeed, seedOffice } from './seed/seed-office';

const usage = 'usage: npm run seed:large -- --count <documents> --data <empty folder> [--seed <text>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '50000' }, data: { type: 'string' }, seed: { type: 'string', default: defaultSeed }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const count = Number(values.count);
  if (!values.data || !Number.isInteger(count) || count < 1) throw new Error(usage);
  const dataDir = path.resolve(values.data);
  if (existsSync(path.join(dataDir, 'reports')) && readdirSync(path.join(dataDir, 'reports')).length) {
    throw new Error(`${dataDir} already holds documents; seed an empty folder`);
  }
  console.log(`Seeding ${count} documents into ${dataDir} (seed "${values.seed}") …`);
  const result = await seedOffice({
    dataDir,
    count,
    seed: values.seed,
    onProgress: (done, total) => process.stdout.write(`\r  ${done} / ${total}`),
    progressEvery: Math.max(100, Math.round(count / 50)),
  });
  process.stdout.write('\n');
  console.log(
    `${result.documents} documents, ${result.revisions} frozen revisions, ${result.reviewRecords} review records, ` +
      `${(result.bytes / 1024 / 1024).toFixed(0)} MB, ${result.profiles.length} profiles, in ${result.seconds.toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
