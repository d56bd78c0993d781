import type { Sizes } from './bench.types';

export const FULL: Sizes = {
  clients: 32,
  throughputSeconds: 15,
  ratioRounds: 3,
  warmupSeconds: 3,
  configMapBytes: 1024,
  latencyRate: 20,
  latencySeconds: 30,
  watchers: 1000,
  watchNamespaces: 10,
  watchRate: 200,
  watchSeconds: 30,
  pods: 10_000,
  listRepeats: 10,
  memoryWatchers: 1000,
  profileSeconds: 8,
};

/** `--quick`: the same figures at small sizes, as a smoke test of the harness (under 2 minutes). */
export const QUICK: Sizes = {
  clients: 32,
  throughputSeconds: 3,
  ratioRounds: 1,
  warmupSeconds: 1,
  configMapBytes: 1024,
  latencyRate: 20,
  latencySeconds: 4,
  watchers: 50,
  watchNamespaces: 5,
  watchRate: 100,
  watchSeconds: 4,
  pods: 1000,
  listRepeats: 3,
  memoryWatchers: 50,
  profileSeconds: 3,
};
