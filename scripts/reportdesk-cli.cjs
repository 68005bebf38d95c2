#!/usr/bin/env node
// `reportdesk` command: the built CLI (run `npm run build` once after installing).
const { existsSync } = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('ReportDesk CLI is not built yet: run `npm run build` in the ReportDesk folder first.');
  process.exit(1);
}
const { runCli } = require(cli);
runCli(process.argv.slice(2)).then((code) => process.exit(code));
