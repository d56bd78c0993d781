import { fetchText, type Harness, serveModules } from '../system/serve.harness';
import { MetricsModule } from './metrics.module';
import { RequestMetrics } from './request-metrics.service';

describe('MetricsController', () => {
  let harness: Harness;
  let metrics: RequestMetrics;

  beforeAll(async () => {
    harness = await serveModules([MetricsModule]);
    metrics = harness.app.get(RequestMetrics);
  });
  afterAll(() => harness.close());

  it('serves text format 0.0.4 with request, inflight, watcher and process metrics', async () => {
    metrics.observe({ verb: 'list', group: 'apps', version: 'v1', resource: 'deployments', subresource: '', scope: 'namespace', code: 200, seconds: 0.012 });
    metrics.observe({ verb: 'create', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'resource', code: 201, seconds: 0.3, dryRun: true });
    metrics.observe({ verb: 'watch', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster', code: 200, seconds: 300 });
    metrics.inflight(1, 'mutating');
    metrics.inflight(2);
    metrics.inflight(-1);
    metrics.setGauge('flotilla_watchers', 4);

    const res = await fetchText(`${harness.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toContain('# TYPE apiserver_request_total counter');
    expect(lines).toContain(
      'apiserver_request_total{verb="LIST",dry_run="",group="apps",version="v1",resource="deployments",subresource="",scope="namespace",component="apiserver",code="200"} 1',
    );
    expect(lines).toContain(
      'apiserver_request_total{verb="POST",dry_run="All",group="",version="v1",resource="pods",subresource="",scope="resource",component="apiserver",code="201"} 1',
    );
    expect(lines).toContain(
      'apiserver_request_total{verb="WATCH",dry_run="",group="",version="v1",resource="pods",subresource="",scope="cluster",component="apiserver",code="200"} 1',
    );
    expect(lines).toContain('# TYPE apiserver_request_duration_seconds histogram');
    const listLabels = 'verb="LIST",dry_run="",group="apps",version="v1",resource="deployments",subresource="",scope="namespace",component="apiserver"';
    expect(lines).toContain(`apiserver_request_duration_seconds_bucket{${listLabels},le="0.005"} 0`);
    expect(lines).toContain(`apiserver_request_duration_seconds_bucket{${listLabels},le="0.025"} 1`);
    expect(lines).toContain(`apiserver_request_duration_seconds_bucket{${listLabels},le="60"} 1`);
    expect(lines).toContain(`apiserver_request_duration_seconds_bucket{${listLabels},le="+Inf"} 1`);
    expect(lines).toContain(`apiserver_request_duration_seconds_count{${listLabels}} 1`);
    expect(res.body).not.toContain('apiserver_request_duration_seconds_count{verb="WATCH"');
    expect(lines).toContain('apiserver_current_inflight_requests{request_kind="mutating"} 1');
    expect(lines).toContain('apiserver_current_inflight_requests{request_kind="readOnly"} 1');
    expect(lines).toContain('# TYPE flotilla_watchers gauge');
    expect(lines).toContain('flotilla_watchers 4');
    expect(lines).toContain('# TYPE process_cpu_seconds_total counter');
    const rss = lines.find((l) => l.startsWith('process_resident_memory_bytes '));
    expect(Number(rss?.split(' ')[1])).toBeGreaterThan(1_000_000);
    expect(lines.some((l) => /^process_start_time_seconds \d+(\.\d+)?$/.test(l))).toBe(true);
  });

  it('declares unknown gauges on first use', async () => {
    metrics.setGauge('flotilla_queue_depth', 7, { queue: 'deployment' });
    const res = await fetchText(`${harness.url}/metrics`);
    expect(res.body).toContain('# TYPE flotilla_queue_depth gauge\nflotilla_queue_depth{queue="deployment"} 7\n');
  });
});
