import type { KubeObject } from '../objects/object-meta';
import { since } from '../registry/cells/age.format';
import { column, defineResource, wide } from '../registry/resource.builder';
import type { ResourceType } from '../registry/resource-type';
import { changedFields, type JsonDiffOperation } from './json-diff';
import { HISTORY_GROUP, HISTORY_VERSION, type Revision } from './revision';

/** Fields that change in every version and would drown the CHANGES column; the diff itself keeps them. */
const BOOKKEEPING_FIELDS = new Set(['metadata.resourceVersion', 'metadata.managedFields']);
const SHOWN_CHANGES = 4;

const asRevision = (obj: KubeObject) => obj as Revision;

/** `deployment.apps/web`, `pod/web-1`: the object as kubectl names it in its output. */
export function revisionObjectName(revision: Revision): string {
  const t = revision.target;
  const type = t.kind ? t.kind.toLowerCase() : t.resource;
  return `${type}${t.group ? `.${t.group}` : ''}/${t.name}`;
}

/** The fields a version changed, for people: whole-object operations read `<created>` / `<replaced>`. */
export function revisionChanges(type: Revision['type'], diff: readonly JsonDiffOperation[]): string {
  if (diff.length === 1 && diff[0].path === '') return type === 'ADDED' ? '<created>' : '<replaced>';
  const fields = changedFields(diff).filter((f) => !BOOKKEEPING_FIELDS.has(f));
  if (fields.length === 0) return '<none>';
  const shown = fields.slice(0, SHOWN_CHANGES).join(',');
  return fields.length > SHOWN_CHANGES ? `${shown} +${fields.length - SHOWN_CHANGES} more` : shown;
}

function revisionCells(obj: KubeObject, now: Date): unknown[] {
  const r = asRevision(obj);
  return [
    r.metadata.name ?? '',
    revisionObjectName(r),
    r.type,
    r.user ?? '<none>',
    r.fieldManager ?? '<none>',
    revisionChanges(r.type, r.diff ?? []),
    since(r.metadata.creationTimestamp, now),
    r.time,
    r.previousResourceVersion ?? '<none>',
  ];
}

/**
 * `revisions.history.flotilla.dev`: read-only, served from the event log by the history module rather than from
 * stored objects. Field selectors name the object whose history is wanted (`target.resource`, `target.name`, …).
 */
export const revisionResourceType: ResourceType = defineResource({
  group: HISTORY_GROUP,
  version: HISTORY_VERSION,
  kind: 'Revision',
  plural: 'revisions',
  namespaced: true,
  shortNames: ['rev'],
  verbs: ['get', 'list'],
  columns: [
    column('Revision', 'The resourceVersion this version of the object was written at.', { format: 'name' }),
    column('Object', 'The object this is a version of.'),
    column('Type', 'ADDED, MODIFIED or DELETED.'),
    column('User', 'The user who made the change.'),
    column('Manager', 'The field manager of the change.'),
    column('Changes', 'The fields the change touched.'),
    column('Age', 'How long ago the change was made.'),
    wide('Time', 'When the change was made.'),
    wide('Previous', "The resourceVersion of the object's previous version."),
  ],
  cells: revisionCells,
  fieldSelectors: {
    'target.group': (o) => asRevision(o).target?.group,
    'target.resource': (o) => asRevision(o).target?.resource,
    'target.name': (o) => asRevision(o).target?.name,
    'target.uid': (o) => asRevision(o).target?.uid,
    type: (o) => asRevision(o).type,
    user: (o) => asRevision(o).user,
    fieldManager: (o) => asRevision(o).fieldManager,
  },
  nameFormat: 'path-segment',
});
