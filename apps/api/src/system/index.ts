export { SystemModule } from './system.module';
export { HealthService, type HealthEndpoint, type Readiness } from './health.service';
export { BUILD_INFO, GIT_VERSION, KUBERNETES_RELEASE, type BuildInfo, type VersionInfo, versionInfo } from './version.info';
export { notFound, sendBody, sendJson, sendStatusError } from './http.reply';
