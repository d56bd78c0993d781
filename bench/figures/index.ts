import type { FigureModule } from '../bench.types';
import { apiMemory } from './api-memory.figure';
import { createThroughput } from './create-throughput.figure';
import { listPods } from './list-pods.figure';
import { updateThroughput } from './update-throughput.figure';
import { watchLatency } from './watch-latency.figure';
import { writeLatency } from './write-latency.figure';

/** In run order; a new figure is one module added here. */
export const figures: FigureModule[] = [createThroughput, updateThroughput, writeLatency, watchLatency, listPods, apiMemory];
