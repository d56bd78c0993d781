import { StatusCause, StatusError } from '../errors';

/**
 * kube-apiserver answers a JSON patch that cannot be applied (and a few strategic-merge failures) with a generic
 * 422 whose message hides the cause; `detail` keeps the cause for logs and tests.
 */
export class PatchRejectedError extends StatusError {
  constructor(readonly detail: string) {
    super(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  }
}

/**
 * Errors kube-apiserver passes through unwrapped (plain Go errors from the patch libraries): 500 with the raw
 * message and no `Internal error occurred:` prefix.
 */
export class PatchServerError extends StatusError {
  constructor(message: string) {
    super(500, 'InternalError', message);
  }
}

/** Server-side apply conflicts: 409 with one `FieldManagerConflict` cause per conflicting field. */
export class ApplyConflictError extends StatusError {
  constructor(
    message: string,
    readonly causes: StatusCause[],
  ) {
    super(409, 'Conflict', message, { causes });
  }
}
