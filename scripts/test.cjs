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

// The export tests read files back with tools independent of the writer; without them they would skip.
const officeProblems = [];
if (!existsSync('/usr/bin/libreoffice') && !existsSync('/usr/bin/soffice')) officeProblems.push('libreoffice-writer libreoffice-calc');
if (!existsSync('/usr/bin/pdftoppm')) officeProblems.push('poppler-utils');
if (spawnSync('/usr/bin/python3', ['-c', 'import docx, openpyxl']).status !== 0) officeProblems.push('python3-docx python3-openpyxl');
if (officeProblems.length) {
  console.error(`The export tests need: apt-get install -y ${officeProblems.join(' ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// One tsc per runtime (scripts/typecheck.cjs: the projects tsconfig.json references).
step('Typecheck', process.execPath, [path.join(__dirname, 'typecheck.cjs')]);
step('Lint', bin('eslint'), ['--max-warnings', '0', 'electron', 'renderer', 'tests', 'scripts']);
// The layer map (.dependency-cruiser.cjs): a wrong import fails here with the wall it crossed.
step('Layer map', bin('depcruise'), ['electron', 'renderer', '--config', '.dependency-cruiser.cjs']);
step('Build', bin('electron-vite'), ['build']);

const reportDir = path.join(root, '.tmp');
mkdirSync(reportDir, { recursive: true });

/**
 * Run some vitest projects and read their JSON report. Unit and integration tests run first, then the
 * end-to-end tests on their own, so the browser tests do not compete with hundreds of fast tests for
 * the machine's two cores.
 */
function runProjects(title, projects) {
  const reportFile = path.join(reportDir, `vitest-${projects.join('-')}.json`);
  rmSync(reportFile, { force: true });
  console.log(`\n=== ${title} ===`);
  const args = ['run', ...projects.flatMap((project) => ['--project', project]), '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  const run = spawnSync(bin('vitest'), args, { cwd: root, stdio: 'inherit', env: process.env });
  const counts = { passed: 0, failed: 0, skipped: 0, ok: run.status === 0 };
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    counts.passed = report.numPassedTests;
    counts.failed = report.numFailedTests + (report.numRuntimeErrorTests ?? 0);
    counts.skipped = report.numPendingTests + report.numTodoTests;
    if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  } catch {
    counts.failed = Math.max(1, counts.failed);
  }
  return counts;
}

/**
 * The benchmark's smoke run (`npm run bench -- --smoke`): small inputs, about twenty seconds. It proves the
 * benchmark runs end to end; its timings are not checked (the machines are noisy), only that it finishes.
 */
function benchSmoke() {
  console.log('\n=== Benchmark smoke run (timings not checked) ===');
  const run = spawnSync(bin('tsx'), ['scripts/bench/index.ts', '--smoke', '--no-build'], { cwd: root, stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok };
}

const results = [runProjects('Unit and integration tests', ['unit', 'integration']), runProjects('End-to-end tests (Chromium)', ['e2e']), benchSmoke()];
const passed = results.reduce((sum, item) => sum + item.passed, 0);
const failed = results.reduce((sum, item) => sum + item.failed, 0);
const skipped = results.reduce((sum, item) => sum + item.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.every((item) => item.ok) && failed === 0 && passed > 0 ? 0 : 1);
