// `npm start`: the Electron app where its binary is installed, browser mode otherwise.
// `npm run start:web` (--web): browser mode directly.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { electronExecutable } = require('./electron-status.cjs');

const root = path.join(__dirname, '..');
const wantWeb = process.argv.includes('--web');
const executable = wantWeb ? null : electronExecutable();

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : code ?? 0));
}

if (executable) {
  run(executable, [root]);
} else {
  if (!wantWeb) {
    console.log('Electron binary not installed here (it cannot be downloaded on this machine): starting ReportDesk in browser mode.');
  }
  run(process.execPath, [path.join(root, 'out', 'main', 'server.js')]);
}
