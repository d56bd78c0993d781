import { NotAcceptableError } from '@flotilla/domain';

/** How the client wants objects rendered. */
export type ResponseForm =
  | { as: 'object' }
  | { as: 'Table'; apiVersion: 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1' }
  | { as: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1' };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const i = kv.indexOf('=');
      if (i > 0) p[kv.slice(0, i).trim().toLowerCase()] = kv.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), params: p };
  });
}

const JSONISH = new Set(['application/json', 'application/*', '*/*', 'application/yaml']);

/**
 * Picks the first acceptable form in the client's order. Tables and metadata-only answers are served as JSON;
 * protobuf is never produced, so a client that accepts nothing else gets 406 (kubectl always also lists JSON).
 */
export function negotiate(accept: string | undefined, list: boolean): ResponseForm {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { as: 'object' };
  for (const r of ranges) {
    if (r.type === 'application/json' && r.params.as) {
      const version = r.params.v;
      if (r.params.g !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) continue;
      const apiVersion = `meta.k8s.io/${version}` as const;
      if (r.params.as === 'Table') return { as: 'Table', apiVersion };
      if (r.params.as === (list ? 'PartialObjectMetadataList' : 'PartialObjectMetadata')) return { as: 'PartialObjectMetadata', apiVersion };
      continue;
    }
    if (JSONISH.has(r.type)) return { as: 'object' };
  }
  throw new NotAcceptableError(`only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
}
