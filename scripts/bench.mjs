#!/usr/bin/env node
// `npm run bench [-- --quick]`: runs bench/main.ts from the TypeScript sources (compiled on load by @swc/core, see
// bench/support/register.cjs), so no build step is needed and the API under test is the working tree's.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './lib/prepare.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A fresh checkout has no node_modules yet: install first, as `npm start` and `npm test` do.
ensureInstalled();
const result = spawnSync(process.execPath, ['-r', join(root, 'bench/support/register.cjs'), join(root, 'bench/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
