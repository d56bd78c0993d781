export { HistoryModule } from './history.module';
export { withHistoryResources } from './history.registry';
export { exactReadVersion } from './exact-read';
