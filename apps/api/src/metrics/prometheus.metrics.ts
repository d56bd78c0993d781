/** A minimal Prometheus client: counters, gauges and histograms with labels, rendered as text format 0.0.4. */
export type LabelValues = Record<string, string>;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export interface Metric {
  readonly name: string;
  render(): string;
}

abstract class LabelledMetric<S> implements Metric {
  protected readonly series = new Map<string, { labels: string[]; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
    readonly labelNames: string[],
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name ${JSON.stringify(name)}`);
  }

  protected entry(labels: LabelValues, init: () => S): S {
    const values = this.labelNames.map((l) => labels[l] ?? '');
    const key = values.join('\u0000');
    let found = this.series.get(key);
    if (!found) {
      found = { labels: values, state: init() };
      this.series.set(key, found);
    }
    return found.state;
  }

  protected header(): string {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n`;
  }

  protected labelText(values: string[], extra?: [string, string]): string {
    const pairs = this.labelNames.map((n, i) => `${n}="${escapeLabel(values[i])}"`);
    if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
    return pairs.length ? `{${pairs.join(',')}}` : '';
  }

  abstract render(): string;
}

export class Counter extends LabelledMetric<{ value: number }> {
  constructor(name: string, help: string, labelNames: string[] = []) {
    super(name, help, 'counter', labelNames);
  }

  inc(labels: LabelValues = {}, by = 1): void {
    if (by < 0) throw new Error('counters only go up');
    this.entry(labels, () => ({ value: 0 })).value += by;
  }

  render(): string {
    let out = this.header();
    for (const { labels, state } of this.series.values()) out += `${this.name}${this.labelText(labels)} ${formatNumber(state.value)}\n`;
    return out;
  }
}

export class Gauge extends LabelledMetric<{ value: number }> {
  constructor(name: string, help: string, labelNames: string[] = []) {
    super(name, help, 'gauge', labelNames);
  }

  set(labels: LabelValues, value: number): void {
    this.entry(labels, () => ({ value: 0 })).value = value;
  }

  add(labels: LabelValues, delta: number): void {
    this.entry(labels, () => ({ value: 0 })).value += delta;
  }

  render(): string {
    let out = this.header();
    for (const { labels, state } of this.series.values()) out += `${this.name}${this.labelText(labels)} ${formatNumber(state.value)}\n`;
    return out;
  }
}

interface HistogramState {
  /** Per-bucket (non-cumulative) counts; the last slot is +Inf. */
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends LabelledMetric<HistogramState> {
  constructor(
    name: string,
    help: string,
    labelNames: string[],
    readonly buckets: number[],
  ) {
    super(name, help, 'histogram', labelNames);
    if (labelNames.includes('le')) throw new Error('"le" is reserved for histogram buckets');
  }

  observe(labels: LabelValues, value: number): void {
    const state = this.entry(labels, () => ({ counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 }));
    let i = this.buckets.findIndex((upper) => value <= upper);
    if (i < 0) i = this.buckets.length;
    state.counts[i] += 1;
    state.sum += value;
    state.count += 1;
  }

  render(): string {
    let out = this.header();
    for (const { labels, state } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((upper, i) => {
        cumulative += state.counts[i];
        out += `${this.name}_bucket${this.labelText(labels, ['le', formatNumber(upper)])} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${this.labelText(labels, ['le', '+Inf'])} ${state.count}\n`;
      out += `${this.name}_sum${this.labelText(labels)} ${formatNumber(state.sum)}\n`;
      out += `${this.name}_count${this.labelText(labels)} ${state.count}\n`;
    }
    return out;
  }
}

/** Label values escape backslash, double quote and newline. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and newline only. */
export function escapeHelp(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
