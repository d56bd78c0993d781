import type { Migration } from 'kysely';
import * as createEventLog from './20261123190000-create-event-log';
import * as eventPreviousVersion from './20261123200000-event-previous-version';
import * as appendBatchFunction from './20261123210000-append-batch-function';
import * as chainedBatches from './20261123230000-chained-batches';
import * as appendWithoutReadback from './20261124000000-append-without-readback';
import * as loadBatchFunction from './20261124010000-load-batch-function';
import * as objectsAsJson from './20261124030000-objects-as-json';
import * as keysInByteOrder from './20261124060000-keys-in-byte-order';
import * as objectsAsText from './20261124100000-objects-as-text';

/** Every migration, by name; names sort in the order they run. Append only: never edit a landed migration. */
export const migrations: Record<string, Migration> = {
  '20261123190000-create-event-log': createEventLog,
  '20261123200000-event-previous-version': eventPreviousVersion,
  '20261123210000-append-batch-function': appendBatchFunction,
  '20261123230000-chained-batches': chainedBatches,
  '20261124000000-append-without-readback': appendWithoutReadback,
  '20261124010000-load-batch-function': loadBatchFunction,
  '20261124030000-objects-as-json': objectsAsJson,
  '20261124060000-keys-in-byte-order': keysInByteOrder,
  '20261124100000-objects-as-text': objectsAsText,
};
