import type { Comparison, FigureResult, Metric } from '../bench.types';

export function formatMetric(m: Metric): string {
  const digits = m.unit === 's' ? 2 : m.unit === 'ms' ? 1 : 0;
  const value = m.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${value} ${m.unit}`;
}

function formatComparison(c: Comparison): string {
  return c.baseline ? `${c.label} ${formatMetric(c.baseline)}` : `${c.label}: ${c.missing ?? 'n/a'}`;
}

function formatRatio(c: Comparison): string {
  return c.ratio === undefined ? `n/a (${c.label})` : `${c.ratio.toFixed(2)}× ${c.label}`;
}

/** The run's one table, as Markdown (it reads as plain text on a terminal too). */
export function renderTable(results: FigureResult[]): string {
  const header = ['figure', 'Flotilla', 'baseline (same run)', 'ratio', 'target'];
  const rows = results.map((r) => [
    r.title,
    r.flotilla ? `${formatMetric(r.flotilla)}${r.detail ? ` (${r.detail})` : ''}` : (r.missing ?? 'n/a'),
    r.comparisons.map(formatComparison).join('; ') || '—',
    r.flotilla ? r.comparisons.map(formatRatio).join('; ') || '—' : '—',
    r.targets.map((t) => `${t.text}: ${t.met === undefined ? 'n/a' : t.met ? 'met' : 'MISSED'}`).join('; ') || '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
