import type { EtcdServer } from './support/etcd-server';
import type { FlotillaTarget } from './support/flotilla-target';

export interface BenchOptions {
  quick: boolean;
  /** Runs an extra, profiled create phase on the API process and writes a self-time summary. */
  profile: boolean;
  /** Only these figure ids (all when empty). */
  only: string[];
  /**
   * API replicas on the one database, clients spread over them in turn (default 1). On the 2-core machine two
   * replicas measured worse than one (docs/benchmarks.md): their batches contend for the log.
   */
  replicas: number;
  resultsDir: string;
}

export interface Sizes {
  clients: number;
  throughputSeconds: number;
  /** Rounds of raw Postgres, etcd and Flotilla create windows back to back, for the create ratios. */
  ratioRounds: number;
  /** Untimed load before each throughput window, the same for Flotilla and the baselines. */
  warmupSeconds: number;
  configMapBytes: number;
  latencyRate: number;
  latencySeconds: number;
  watchers: number;
  watchNamespaces: number;
  watchRate: number;
  watchSeconds: number;
  pods: number;
  listRepeats: number;
  memoryWatchers: number;
  profileSeconds: number;
}

/** One measured quantity. Lower-is-better quantities (latencies, seconds) say so, for the ratio's reading. */
export interface Metric {
  value: number;
  unit: string;
  lowerIsBetter?: boolean;
}

export type BaselineMetrics = Record<string, Metric>;

export interface Comparison {
  /** e.g. "raw Postgres". */
  label: string;
  baseline?: Metric;
  /** flotilla ÷ baseline; undefined when the baseline is missing. */
  ratio?: number;
  /** Why there is no figure (e.g. "n/a until issue 4"). */
  missing?: string;
}

export interface Target {
  text: string;
  met?: boolean;
}

export interface FigureResult {
  id: string;
  title: string;
  flotilla?: Metric;
  /** Printed next to the main metric, e.g. "p50 4.1 ms". */
  detail?: string;
  comparisons: Comparison[];
  targets: Target[];
  /** Extra measured values kept in the JSON. */
  extra: Record<string, number | string>;
  missing?: string;
}

export interface BenchContext {
  options: BenchOptions;
  sizes: Sizes;
  flotilla: FlotillaTarget;
  etcd: EtcdServer;
  /** Metrics of the baselines measured earlier in this run, by baseline name. */
  baselines: Record<string, BaselineMetrics>;
  /** State shared between modules (e.g. the stored pods the memory figure reuses). */
  shared: Map<string, unknown>;
  violation(figure: string, message: string): void;
  log(message: string): void;
}

export interface BaselineModule {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BaselineMetrics>;
}

export interface FigureModule {
  id: string;
  title: string;
  /** One result per table row (a module may measure a figure in more than one form). */
  run(ctx: BenchContext): Promise<FigureResult[]>;
}
