// `npm test`: typecheck, lint, build (the e2e tests drive the built UI), then every vitest project.
// Prints one plain summary line at the end for CI ("N passed, N failed").
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    console.log('0 passed, 1 failed');
    process.exit(result.status || 1);
  }
}

if (!existsSync('/usr/bin/chromium') && !process.env.REPORTDESK_CHROMIUM) {
  console.error(
    'Chromium is required for the end-to-end tests: apt-get install -y chromium (or set REPORTDESK_CHROMIUM to a Chromium executable).',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

step('Typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Lint', bin('eslint'), ['--max-warnings', '0', 'electron', 'renderer', 'tests', 'scripts']);
step('Build', bin('electron-vite'), ['build']);

const reportDir = path.join(root, '.tmp');
mkdirSync(reportDir, { recursive: true });
const reportFile = path.join(reportDir, 'vitest-report.json');
rmSync(reportFile, { force: true });
console.log('\n=== Tests (unit, integration, e2e) ===');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTests ?? 0);
  skipped = report.numPendingTests + report.numTodoTests;
  if (run.status !== 0 && failed === 0) failed = 1;
} catch {
  failed = Math.max(1, failed);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
