import { isStatusError } from '@flotilla/domain';
import type { EventStore } from '@flotilla/persistence';
import type { ListOptions } from '../resources/list-options';

/**
 * Refuses, before a WebSocket stream starts, a watch from a resourceVersion that compaction removed (410 Expired),
 * so the client gets the Status as the handshake's answer rather than as a first ERROR message. Watches that start
 * with the current state, or from a version this replica has not seen yet, are left to the streamer.
 */
export async function assertWatchable(store: EventStore, options: ListOptions): Promise<void> {
  const rv = options.resourceVersion;
  const initial = options.sendInitialEvents ?? (rv === undefined || rv === '0');
  if (initial || rv === undefined) return;
  try {
    await store.assertReadable(Number(rv));
  } catch (error) {
    if (isStatusError(error) && error.reason === 'Expired') throw error;
  }
}
