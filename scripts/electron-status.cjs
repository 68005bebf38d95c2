const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** The Electron executable if the binary is installed, else null (never triggers a download). */
function electronExecutable() {
  const electronDir = path.join(__dirname, '..', 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

module.exports = { electronExecutable };
