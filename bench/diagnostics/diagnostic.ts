import { readFileSync } from 'node:fs';

/** The ConfigMaps the diagnostics create, as the bench's figures do (`configMapBytes`). */
export const CONFIG_MAP_BYTES = 1024;

export interface DiagnosticOptions {
  /** The measured window of each load, after `warmupSeconds` of the same load untimed. */
  seconds: number;
  warmupSeconds: number;
  /** The concurrencies a sweep runs (`clients`); the others use the first. */
  clients: number[];
  log: (line: string) => void;
}

/** Context switches on the whole machine since boot (`ctxt` in /proc/stat). */
export function contextSwitches(): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('ctxt '));
  return line ? Number(line.slice(5)) : Number.NaN;
}

