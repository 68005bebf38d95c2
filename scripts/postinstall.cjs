// Fetch the Electron binary when it is missing (electron >= 42 no longer does this on install).
// Where it cannot be downloaded, warn and carry on: `npm start` then falls back to browser mode.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const electronDir = path.join(__dirname, '..', 'node_modules', 'electron');
const installer = path.join(electronDir, 'install.js');

if (!existsSync(installer)) process.exit(0);
if (existsSync(path.join(electronDir, 'path.txt'))) process.exit(0);

const result = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 120000, encoding: 'utf8' });
if (result.status === 0 && existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('ReportDesk: Electron binary installed.');
} else {
  console.warn(
    'ReportDesk: the Electron binary could not be downloaded on this machine; `npm start` will run browser mode instead.',
  );
}
process.exit(0);
