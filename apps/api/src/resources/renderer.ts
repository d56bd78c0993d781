import { toTable, type KubeObject, type ResourceType } from '@flotilla/domain';
import type { ResponseForm } from '../request/content-negotiation';

export interface ListMetaOut {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

function metadataOnly(obj: KubeObject, apiVersion: string): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion, metadata: obj.metadata };
}

/** One object in the negotiated form. */
export function renderObject(rt: ResourceType, obj: KubeObject, form: ResponseForm, now: Date, includeObject?: string): unknown {
  switch (form.as) {
    case 'object':
      return obj;
    case 'PartialObjectMetadata':
      return metadataOnly(obj, form.apiVersion);
    case 'Table':
      return { ...toTable(rt, [obj], { now, includeObject: parseIncludeObject(includeObject) }), apiVersion: form.apiVersion };
  }
}

/** A list in the negotiated form. Items in a List omit kind/apiVersion as the real server's do not (it keeps them). */
export function renderList(rt: ResourceType, items: KubeObject[], meta: ListMetaOut, form: ResponseForm, now: Date, includeObject?: string): unknown {
  switch (form.as) {
    case 'object':
      return { kind: rt.listKind, apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version, metadata: meta, items };
    case 'PartialObjectMetadata':
      return { kind: 'PartialObjectMetadataList', apiVersion: form.apiVersion, metadata: meta, items: items.map((o) => metadataOnly(o, form.apiVersion)) };
    case 'Table':
      return {
        ...toTable(rt, items, {
          now,
          includeObject: parseIncludeObject(includeObject),
          resourceVersion: meta.resourceVersion,
          continue: meta.continue,
          remainingItemCount: meta.remainingItemCount,
        }),
        apiVersion: form.apiVersion,
      };
  }
}

/** A plain List of objects given as JSON texts, spliced in unparsed: the bytes of `renderList`'s `object` form. */
export function renderListText(rt: ResourceType, items: string[], meta: ListMetaOut): string {
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  return `{"kind":${JSON.stringify(rt.listKind)},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(meta)},"items":[${items.join(',')}]}`;
}

function parseIncludeObject(raw: string | undefined): 'None' | 'Metadata' | 'Object' {
  return raw === 'None' || raw === 'Object' ? raw : 'Metadata';
}
