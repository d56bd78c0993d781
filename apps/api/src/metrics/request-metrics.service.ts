import { Injectable } from '@nestjs/common';
import { processMetrics } from './process.metrics';
import { Counter, Gauge, Histogram, type LabelValues } from './prometheus.metrics';

/** One finished API request, as the request pipeline reports it. */
export interface RequestObservation {
  /** A Kubernetes verb (`get`, `list`, `watch`, `create`, `update`, `patch`, `apply`, `delete`, `deletecollection`, `connect`) or an HTTP method. */
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  /** `resource` (one named object), `namespace` (a collection in a namespace) or `cluster` (across the cluster). */
  scope: string;
  code: number;
  seconds: number;
  dryRun?: boolean;
}

export type InflightKind = 'readOnly' | 'mutating';

/** Upstream's bucket boundaries for apiserver_request_duration_seconds. */
export const REQUEST_DURATION_BUCKETS = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

/** kube-apiserver reports HTTP-style verbs in its request metrics. */
const REPORTED_VERB: Record<string, string> = {
  get: 'GET',
  list: 'LIST',
  watch: 'WATCH',
  create: 'POST',
  update: 'PUT',
  patch: 'PATCH',
  apply: 'APPLY',
  delete: 'DELETE',
  deletecollection: 'DELETE',
  connect: 'CONNECT',
};

const REQUEST_LABELS = ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'];

@Injectable()
export class RequestMetrics {
  private readonly requests = new Counter(
    'apiserver_request_total',
    'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
    [...REQUEST_LABELS, 'code'],
  );
  private readonly durations = new Histogram(
    'apiserver_request_duration_seconds',
    'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
    REQUEST_LABELS,
    REQUEST_DURATION_BUCKETS,
  );
  private readonly inflightRequests = new Gauge(
    'apiserver_current_inflight_requests',
    'Number of requests this replica is serving right now, per request kind.',
    ['request_kind'],
  );
  private readonly gauges = new Map<string, Gauge>([
    ['flotilla_watchers', new Gauge('flotilla_watchers', 'Number of watch streams currently open on this API replica.')],
  ]);

  constructor() {
    this.inflightRequests.set({ request_kind: 'mutating' }, 0);
    this.inflightRequests.set({ request_kind: 'readOnly' }, 0);
    this.gauges.get('flotilla_watchers')?.set({}, 0);
  }

  observe(o: RequestObservation): void {
    const verb = REPORTED_VERB[o.verb] ?? o.verb.toUpperCase();
    const labels: LabelValues = {
      verb,
      dry_run: o.dryRun ? 'All' : '',
      group: o.group,
      version: o.version,
      resource: o.resource,
      subresource: o.subresource,
      scope: o.scope,
      component: 'apiserver',
    };
    this.requests.inc({ ...labels, code: String(o.code) });
    // A watch or exec lasts as long as the client keeps it open; its length says nothing about latency.
    if (verb !== 'WATCH' && verb !== 'CONNECT') this.durations.observe(labels, o.seconds);
  }

  inflight(delta: number, kind: InflightKind = 'readOnly'): void {
    this.inflightRequests.add({ request_kind: kind }, delta);
  }

  /** Sets a gauge, declaring it on first use (help text = its name unless it is one of Flotilla's own). */
  setGauge(name: string, value: number, labels: LabelValues = {}): void {
    let gauge = this.gauges.get(name);
    if (!gauge) {
      gauge = new Gauge(name, name, Object.keys(labels).sort());
      this.gauges.set(name, gauge);
    }
    gauge.set(labels, value);
  }

  /** The text exposition (format 0.0.4) of every metric, process metrics included. */
  render(): string {
    const metrics = [this.requests, this.durations, this.inflightRequests, ...this.gauges.values(), ...processMetrics()];
    return metrics.map((m) => m.render()).join('');
  }
}
