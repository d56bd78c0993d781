import type { FigureResult } from '../bench.types';
import { formatMetric } from './report';

const WIDTH = 960;
const LABEL_W = 330;
const BAR_MAX = 420;
const BAR_H = 16;
const GAP = 4;
const COLORS: Record<string, string> = { Flotilla: '#2b6cb0', default: '#a0aec0' };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One group of horizontal bars per figure, each group scaled to its own largest value (units differ between groups). */
export function renderChart(results: FigureResult[], subtitle: string): string {
  const parts: string[] = [];
  let y = 56;
  for (const r of results) {
    const bars = [
      ...(r.flotilla ? [{ label: 'Flotilla', metric: r.flotilla }] : []),
      ...r.comparisons.filter((c) => c.baseline).map((c) => ({ label: c.label, metric: c.baseline! })),
    ];
    parts.push(`<text x="12" y="${y + 12}" class="title">${escape(r.title)}</text>`);
    if (bars.length === 0) {
      parts.push(`<text x="${LABEL_W}" y="${y + 12}" class="missing">${escape(r.missing ?? 'n/a')}</text>`);
      y += BAR_H + 22;
      continue;
    }
    const lower = bars[0].metric.lowerIsBetter ? ' (lower is better)' : ' (higher is better)';
    parts.push(`<text x="12" y="${y + 28}" class="note">${escape(lower.trim())}</text>`);
    const max = Math.max(...bars.map((b) => b.metric.value), 1e-9);
    bars.forEach((b, i) => {
      const by = y + i * (BAR_H + GAP);
      const w = Math.max(1, (b.metric.value / max) * BAR_MAX);
      const color = COLORS[b.label] ?? COLORS.default;
      parts.push(`<text x="${LABEL_W - 8}" y="${by + 12}" class="label" text-anchor="end">${escape(b.label)}</text>`);
      parts.push(`<rect x="${LABEL_W}" y="${by}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${color}"/>`);
      parts.push(`<text x="${LABEL_W + w + 6}" y="${by + 12}" class="value">${escape(formatMetric(b.metric))}</text>`);
    });
    const ratios = r.comparisons.filter((c) => c.ratio !== undefined).map((c) => `${c.ratio!.toFixed(2)}× ${c.label}`);
    const targets = r.targets.map((t) => `${t.text}: ${t.met === undefined ? 'n/a' : t.met ? 'met' : 'missed'}`);
    const foot = [...ratios, ...targets].join(' · ');
    const groupH = Math.max(bars.length * (BAR_H + GAP), 32);
    if (foot) parts.push(`<text x="${LABEL_W}" y="${y + groupH + 12}" class="note">${escape(foot)}</text>`);
    y += groupH + (foot ? 34 : 20);
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    '<style>.title{font-size:13px;font-weight:bold}.label{font-size:12px}.value{font-size:12px}.note{font-size:11px;fill:#4a5568}.missing{font-size:12px;fill:#a0aec0;font-style:italic}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="12" y="22" font-size="16" font-weight="bold">Flotilla vs raw Postgres and bare etcd, measured in one run</text>`,
    `<text x="12" y="40" class="note">${escape(subtitle)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
