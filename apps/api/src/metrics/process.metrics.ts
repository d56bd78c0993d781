import { readdirSync } from 'node:fs';
import { Gauge, type Metric } from './prometheus.metrics';

/**
 * The standard `process_*` collector, read at scrape time. CPU is a counter by nature but is rendered through a
 * gauge object whose TYPE line says counter, as the value comes from the OS rather than from increments.
 */
export function processMetrics(): Metric[] {
  const usage = process.cpuUsage();
  const memory = process.memoryUsage();
  const startSeconds = Math.round((Date.now() / 1000 - process.uptime()) * 1000) / 1000;
  const metrics: Metric[] = [
    snapshot('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', 'counter', (usage.user + usage.system) / 1e6),
    snapshot('process_resident_memory_bytes', 'Resident memory size in bytes.', 'gauge', memory.rss),
    snapshot('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', 'gauge', startSeconds),
    snapshot('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', 'gauge', memory.heapUsed),
    snapshot('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', 'gauge', memory.heapTotal),
  ];
  const fds = openFileDescriptors();
  if (fds !== undefined) metrics.push(snapshot('process_open_fds', 'Number of open file descriptors.', 'gauge', fds));
  return metrics;
}

function snapshot(name: string, help: string, type: 'counter' | 'gauge', value: number): Metric {
  const gauge = new Gauge(name, help);
  gauge.set({}, value);
  return { name, render: () => (type === 'gauge' ? gauge.render() : gauge.render().replace(`# TYPE ${name} gauge`, `# TYPE ${name} counter`)) };
}

function openFileDescriptors(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}
