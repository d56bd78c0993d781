import 'reflect-metadata';
import { hostname } from 'node:os';
import { enabledLogLevels, loadSettingsOrExit } from '@flotilla/persistence';
import { adminUser } from './auth/authenticator';
import { startApiServer } from './api-server';
import { ensureAdminToken, ensurePki, writeKubeconfig } from './security';

async function main(): Promise<void> {
  const settings = loadSettingsOrExit(process.env);
  if (!settings.databaseUrl) {
    process.stderr.write('DATABASE_URL is required for the API process (npm start provides an embedded database)\n');
    process.exit(2);
  }
  const pki = await ensurePki(settings.dataDir, [hostname()]);
  const token = await ensureAdminToken(settings.dataDir);
  const server = await startApiServer({
    databaseUrl: settings.databaseUrl,
    port: settings.port,
    tls: { keyPem: pki.keyPem, certPem: pki.certPem },
    loopbackHttpPort: settings.loopbackHttpPort,
    tokens: [{ token, user: adminUser() }],
    compaction: { events: settings.compactionWindowEvents, seconds: settings.compactionWindowSeconds },
    logLevels: enabledLogLevels(settings.logLevel),
  });
  const kubeconfig = await writeKubeconfig(settings.dataDir, { server: `https://127.0.0.1:${server.port}`, caCertPem: pki.caCertPem, token });
  process.stdout.write(`flotilla-api listening on https://0.0.0.0:${server.port} (kubeconfig: ${kubeconfig})\n`);
  if (server.loopbackUrl) process.stdout.write(`flotilla-api also serving plain HTTP on ${server.loopbackUrl} (bearer tokens required)\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`flotilla-api failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
