#!/usr/bin/env node
// Refresh the pictures kept in docs/screenshots on purpose: build, then run the e2e suite (or the files given)
// with its screenshots written there instead of .tmp/screenshots. Look at them before committing.
//   npm run screenshots                      every e2e file
//   npm run screenshots -- tests/e2e/review.test.ts
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const env = { ...process.env, REPORTDESK_SCREENSHOT_DIR: 'docs/screenshots' };

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(bin('vitest'), ['run', '--project', 'e2e', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);
