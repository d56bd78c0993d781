#!/usr/bin/env node
// `npm run bench [-- --quick | --ab=<ref>]`: runs bench/main.ts from the TypeScript sources (compiled on load by @swc/core, see
// bench/support/register.cjs), so no build step is needed and the API under test is the working tree's.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './lib/prepare.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A fresh checkout has no node_modules yet: install first, as `npm start` and `npm test` do.
ensureInstalled();
// `--ab=<ref>` compares the working tree's API with another commit's in paired windows (bench/ab.ts).
const args = process.argv.slice(2);
// `--diagnose=<name>` runs one of the experiments behind docs/benchmarks.md's account of the create figure (bench/diagnose.ts).
const entry = args.some((a) => a.startsWith('--ab=')) ? 'bench/ab.ts' : args.some((a) => a.startsWith('--diagnose=')) ? 'bench/diagnose.ts' : 'bench/main.ts';
const result = spawnSync(process.execPath, ['-r', join(root, 'bench/support/register.cjs'), join(root, entry), ...args], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
