import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './prepare.mjs';

/** The same validation the API and workers run, from the built config module; exit 2 on bad settings. */
export function loadSettingsOrExit(env = process.env) {
  const require = createRequire(import.meta.url);
  const { loadSettings, SettingsError } = require(join(ROOT, 'libs', 'persistence', 'dist', 'config', 'index.js'));
  try {
    return loadSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
