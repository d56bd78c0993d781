/** Query and path parameters of Kubernetes REST operations, as OpenAPI 3 parameter objects. */
export type OpenApiParameter = {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
};

const str = { type: 'string', uniqueItems: true };
const bool = { type: 'boolean', uniqueItems: true };
const int = { type: 'integer', uniqueItems: true };

const query = (name: string, description: string, schema: Record<string, unknown>): OpenApiParameter => ({ name, in: 'query', description, schema });

export const PATH_NAME: OpenApiParameter = { name: 'name', in: 'path', description: 'name of the object', required: true, schema: str };
export const PATH_NAMESPACE: OpenApiParameter = { name: 'namespace', in: 'path', description: 'object name and auth scope, such as for teams and projects', required: true, schema: str };
export const PATH_PROXY_PATH: OpenApiParameter = { name: 'path', in: 'path', description: 'path to the resource', required: true, schema: str };
export const PRETTY = query('pretty', "If 'true', the output is pretty printed.", str);

const DRY_RUN = query('dryRun', 'When present, the change is validated and defaulted but not stored. The only valid value is All.', str);
const FIELD_MANAGER = query('fieldManager', 'Name of the actor making the change, recorded in managedFields. Required for apply patches.', str);
const FIELD_VALIDATION = query(
  'fieldValidation',
  'How to treat unknown or duplicate fields in the body: Ignore drops them, Warn (the default) keeps the request and returns a warning per field, Strict rejects the request.',
  str,
);
const FORCE = query('force', 'Apply requests only: take ownership of fields another manager owns instead of failing with a conflict.', bool);

/** POST and PUT. */
export const WRITE_PARAMETERS = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION];
/** PATCH: the write parameters plus force. */
export const PATCH_PARAMETERS = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE];

const DELETE_OPTIONS = [
  DRY_RUN,
  query('gracePeriodSeconds', 'Seconds before the object is deleted; zero deletes immediately.', int),
  query('ignoreStoreReadErrorWithClusterBreakingPotential', 'Delete an object that cannot be read from storage (unsafe).', bool),
  query('orphanDependents', 'Deprecated: use propagationPolicy. Whether dependents are orphaned.', bool),
  query('propagationPolicy', 'Whether and how dependents are garbage collected: Orphan, Background or Foreground.', str),
];
export const DELETE_PARAMETERS = DELETE_OPTIONS;

const LIST_OPTIONS = [
  query('continue', 'The continue token of a previous paged list response.', str),
  query('fieldSelector', 'Restricts the list to objects whose fields match, e.g. metadata.name=web.', str),
  query('labelSelector', 'Restricts the list to objects whose labels match.', str),
  query('limit', 'Maximum number of items to return; the response carries a continue token when more remain.', int),
  query('resourceVersion', 'The resource version the list or watch starts from.', str),
  query('resourceVersionMatch', 'How resourceVersion applies to a list: Exact or NotOlderThan.', str),
  query('sendInitialEvents', 'Watch only: start with synthetic ADDED events for the current state, followed by a bookmark.', bool),
  query('timeoutSeconds', 'Closes a list or watch call after this many seconds.', int),
];

export const LIST_PARAMETERS = [
  query('allowWatchBookmarks', 'Watch only: the client accepts BOOKMARK events.', bool),
  ...LIST_OPTIONS,
  query('watch', 'Watch for changes instead of listing.', bool),
];
export const DELETE_COLLECTION_PARAMETERS = [...LIST_OPTIONS, ...DELETE_OPTIONS].sort((a, b) => (a.name < b.name ? -1 : 1));

export const LOG_PARAMETERS = [
  query('container', 'The container to read logs of; may be omitted when the pod has one container.', str),
  query('follow', 'Stream the log as it is written.', bool),
  query('insecureSkipTLSVerifyBackend', 'Skip verifying the serving certificate of the node agent.', bool),
  query('limitBytes', 'Maximum number of bytes to return.', int),
  query('previous', 'Return the log of the previous, terminated container instance.', bool),
  query('sinceSeconds', 'Only lines newer than this many seconds.', int),
  query('sinceTime', 'Only lines newer than this RFC 3339 time.', str),
  query('stream', 'Which stream to return: All, Stdout or Stderr.', str),
  query('tailLines', 'Number of lines from the end of the log to return.', int),
  query('timestamps', 'Prefix every line with its RFC 3339 timestamp.', bool),
];

const STREAMS = [
  query('container', 'The container to attach to; may be omitted when the pod has one container.', str),
  query('stderr', 'Redirect the standard error stream.', bool),
  query('stdin', 'Redirect the standard input stream.', bool),
  query('stdout', 'Redirect the standard output stream.', bool),
  query('tty', 'Allocate a terminal.', bool),
];

/** Query parameters of connect subresources. */
export const CONNECT_PARAMETERS: Record<string, OpenApiParameter[]> = {
  exec: [query('command', 'The command to run, one argument per parameter.', str), ...STREAMS],
  attach: STREAMS,
  portforward: [query('ports', 'Ports to forward.', int)],
  proxy: [query('path', 'Path to the resource.', str)],
};
