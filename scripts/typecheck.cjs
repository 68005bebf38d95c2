// `npm run typecheck`: one `tsc --noEmit` per runtime, in turn — the projects tsconfig.json references (core:
// ES2023 only; renderer: DOM; node: main, preload, server, cli, host, store, api; tests: both). Runs them all,
// then fails if any failed, naming each failing tsconfig.
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')).references.map((reference) => reference.path);

const failed = [];
for (const project of projects) {
  console.log(`tsc --noEmit -p ${project}`);
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.push(project);
}
if (failed.length) {
  console.error(`Typecheck failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`Typecheck passed: ${projects.join(', ')}`);
