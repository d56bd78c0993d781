export { DiscoveryModule } from './discovery.module';
export { DiscoveryService, type DiscoveryReply } from './discovery.service';
export { negotiateDiscovery, aggregatedContentType, type DiscoveryForm } from './discovery-accept';
export { storageVersionHash } from './discovery.documents';
