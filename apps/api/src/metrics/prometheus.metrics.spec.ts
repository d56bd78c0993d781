import { Counter, Gauge, Histogram, escapeLabel, formatNumber } from './prometheus.metrics';

describe('prometheus metrics', () => {
  it('renders a labelled counter', () => {
    const c = new Counter('things_total', 'Things seen.', ['kind']);
    c.inc({ kind: 'a' });
    c.inc({ kind: 'a' }, 2);
    c.inc({ kind: 'b"\\\n' });
    expect(c.render()).toBe(
      '# HELP things_total Things seen.\n# TYPE things_total counter\nthings_total{kind="a"} 3\nthings_total{kind="b\\"\\\\\\n"} 1\n',
    );
    expect(() => c.inc({}, -1)).toThrow();
  });

  it('renders an unlabelled gauge', () => {
    const g = new Gauge('level', 'Level.');
    g.set({}, 5);
    g.add({}, -2);
    expect(g.render()).toBe('# HELP level Level.\n# TYPE level gauge\nlevel 3\n');
  });

  it('renders cumulative histogram buckets, sum and count', () => {
    const h = new Histogram('lat_seconds', 'Latency.', ['verb'], [0.1, 1]);
    h.observe({ verb: 'GET' }, 0.05);
    h.observe({ verb: 'GET' }, 0.5);
    h.observe({ verb: 'GET' }, 3);
    expect(h.render()).toBe(
      [
        '# HELP lat_seconds Latency.',
        '# TYPE lat_seconds histogram',
        'lat_seconds_bucket{verb="GET",le="0.1"} 1',
        'lat_seconds_bucket{verb="GET",le="1"} 2',
        'lat_seconds_bucket{verb="GET",le="+Inf"} 3',
        'lat_seconds_sum{verb="GET"} 3.55',
        'lat_seconds_count{verb="GET"} 3',
        '',
      ].join('\n'),
    );
  });

  it('rejects invalid names and the reserved le label', () => {
    expect(() => new Gauge('bad-name', 'x')).toThrow();
    expect(() => new Histogram('h', 'x', ['le'], [1])).toThrow();
  });

  it('formats special values as the text format wants', () => {
    expect(formatNumber(Infinity)).toBe('+Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(escapeLabel('a\\b')).toBe('a\\\\b');
  });
});
