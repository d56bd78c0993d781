export type SwaggerEncoding = 'json' | 'protobuf';

/** What `/openapi/v2` serves, in kube-openapi's order of preference for a wildcard. */
const SERVED: Array<{ subtype: string; encoding: SwaggerEncoding }> = [
  { subtype: 'json', encoding: 'json' },
  { subtype: 'com.github.proto-openapi.spec.v2@v1.0+protobuf', encoding: 'protobuf' },
  { subtype: 'com.github.proto-openapi.spec.v2.v1.0+protobuf', encoding: 'protobuf' },
];

interface Clause {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseClauses(accept: string): Clause[] {
  const clauses: Clause[] = [];
  accept.split(',').forEach((part, order) => {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    if (!range) return;
    const slash = range.indexOf('/');
    const type = (slash < 0 ? range : range.slice(0, slash)).toLowerCase();
    const subtype = (slash < 0 ? '*' : range.slice(slash + 1)).toLowerCase();
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') q = Number(value);
    }
    if (Number.isFinite(q) && q > 0) clauses.push({ type, subtype, q, order });
  });
  return clauses;
}

const wildcards = (c: Clause) => (c.type === '*' ? 1 : 0) + (c.subtype === '*' ? 1 : 0);

/**
 * The encoding to answer an `Accept` header with, or undefined for 406. Clauses are tried by quality, then the
 * more specific first, then in the client's order; each is matched against JSON, then protobuf (both spellings of
 * the gnostic media type). An absent header means anything, which is JSON.
 */
export function negotiateSwagger(accept: string | undefined): SwaggerEncoding | undefined {
  const clauses = parseClauses(accept?.trim() ? accept : '*/*');
  clauses.sort((a, b) => b.q - a.q || wildcards(a) - wildcards(b) || a.order - b.order);
  for (const clause of clauses) {
    if (clause.type !== 'application' && clause.type !== '*') continue;
    const served = SERVED.find((s) => clause.subtype === '*' || clause.subtype === s.subtype);
    if (served) return served.encoding;
  }
  return undefined;
}
