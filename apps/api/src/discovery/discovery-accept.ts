/** The discovery document a request asked for: aggregated (`apidiscovery.k8s.io` v2 or v2beta1) or legacy. */
export type DiscoveryForm = 'v2' | 'v2beta1' | 'legacy';

export const DISCOVERY_GROUP = 'apidiscovery.k8s.io';

export function aggregatedContentType(version: 'v2' | 'v2beta1'): string {
  return `application/json;g=${DISCOVERY_GROUP};v=${version};as=APIGroupDiscoveryList`;
}

interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [mime, ...rawParams] = part.split(';').map((s) => s.trim());
    if (!mime) continue;
    const [type, subtype = ''] = mime.toLowerCase().split('/');
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (key === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 0;
      else params[key] = value;
    }
    ranges.push({ type, subtype, params, q });
  }
  // Stable sort: equal quality keeps the client's order.
  return ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q);
}

function formOf(range: MediaRange): DiscoveryForm | undefined {
  const { type, subtype, params } = range;
  if (type === '*' && subtype === '*') return 'legacy';
  if (type !== 'application') return undefined;
  if (subtype === '*') return 'legacy';
  if (subtype !== 'json') return undefined;
  const { g, v, as } = params;
  if (g === undefined && v === undefined && as === undefined) return 'legacy';
  if (g === DISCOVERY_GROUP && as === 'APIGroupDiscoveryList' && (v === 'v2' || v === 'v2beta1')) return v;
  return undefined;
}

/**
 * Picks the first form the Accept header allows, in the client's order of preference. kubectl ≥1.30 lists v2,
 * v2beta1, then plain JSON; 1.27–1.29 list v2beta1 then JSON. A missing header means legacy JSON; undefined
 * means nothing offered is servable (406).
 */
export function negotiateDiscovery(accept: string | undefined): DiscoveryForm | undefined {
  if (accept === undefined || accept.trim() === '') return 'legacy';
  for (const range of parseAccept(accept)) {
    const form = formOf(range);
    if (form) return form;
  }
  return undefined;
}
