/**
 * Domain errors. Each one carries the Kubernetes Status reason and HTTP code it maps to, so that the API's
 * exception filter only serialises; libraries and workers never throw HTTP exceptions.
 */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The wire shape of metav1.Status. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `qualifiedResource` is what kubectl prints: `pods`, `deployments.apps`. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export class NotFoundError extends StatusError {
  constructor(group: string, resource: string, name: string) {
    super(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {
      name,
      group: group || undefined,
      kind: resource,
    });
  }
}

export class AlreadyExistsError extends StatusError {
  constructor(group: string, resource: string, name: string) {
    super(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {
      name,
      group: group || undefined,
      kind: resource,
    });
  }
}

export class ConflictError extends StatusError {
  constructor(group: string, resource: string, name: string, why: string, causes?: StatusCause[]) {
    super(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${why}`, {
      name,
      group: group || undefined,
      kind: resource,
      causes,
    });
  }
}

/** The canonical stale-resourceVersion conflict. */
export class StaleResourceVersionError extends ConflictError {
  constructor(group: string, resource: string, name: string) {
    super(group, resource, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
}

export interface FieldError {
  /** `FieldValueInvalid`, `FieldValueRequired`, `FieldValueNotSupported`, `FieldValueDuplicate`, `FieldValueForbidden`, `FieldValueTooLong`. */
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTypeInvalid' | 'FieldValueNotFound';
  field: string;
  /** Already formatted the way upstream prints it, e.g. `Invalid value: "Foo": a lowercase RFC 1123 …`. */
  detail: string;
}

/** 422 Invalid, formatted like kube-apiserver: `Deployment.apps "web" is invalid: [spec.replicas: Invalid value: …, …]`. */
export class InvalidError extends StatusError {
  constructor(
    group: string,
    kind: string,
    name: string,
    readonly fieldErrors: FieldError[],
  ) {
    const qualifiedKind = group ? `${kind}.${group}` : kind;
    const parts = fieldErrors.map((e) => `${e.field}: ${e.detail}`);
    const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
    super(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
      name,
      group: group || undefined,
      kind,
      causes: fieldErrors.map((e) => ({ reason: e.type, message: e.detail, field: e.field })),
    });
  }
}

export class BadRequestError extends StatusError {
  constructor(message: string, details?: StatusDetails) {
    super(400, 'BadRequest', message, details);
  }
}

export class UnauthorizedError extends StatusError {
  constructor(message = 'Unauthorized') {
    super(401, 'Unauthorized', message);
  }
}

export class ForbiddenError extends StatusError {
  constructor(message: string) {
    super(403, 'Forbidden', message);
  }
}

export class MethodNotAllowedError extends StatusError {
  constructor(message = 'the server does not allow this method on the requested resource') {
    super(405, 'MethodNotAllowed', message);
  }
}

export class NotAcceptableError extends StatusError {
  constructor(message: string) {
    super(406, 'NotAcceptable', message);
  }
}

/** A watch or list from a resourceVersion that compaction has removed. */
export class ExpiredError extends StatusError {
  constructor(message: string) {
    super(410, 'Expired', message);
  }
}

export class RequestEntityTooLargeError extends StatusError {
  constructor(message = 'Request entity too large: limit is 3145728') {
    super(413, 'RequestEntityTooLarge', message);
  }
}

export class UnsupportedMediaTypeError extends StatusError {
  constructor(contentType: string) {
    super(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${JSON.stringify(contentType)})`);
  }
}

export class InternalError extends StatusError {
  constructor(message: string) {
    super(500, 'InternalError', `Internal error occurred: ${message}`);
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}
