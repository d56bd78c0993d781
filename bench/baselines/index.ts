import type { BaselineModule } from '../bench.types';
import { etcdBaseline } from './etcd.baseline';
import { postgresBaseline } from './postgres.baseline';

export const baselines: BaselineModule[] = [postgresBaseline, etcdBaseline];
