import { Inject, Injectable } from '@nestjs/common';
import { READINESS } from '../tokens';

export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

export interface Readiness {
  isReady(): boolean;
}

interface HealthCheck {
  name: string;
  healthy(): boolean;
}

export interface HealthReport {
  code: number;
  body: string;
}

export interface HealthQuery {
  verbose: boolean;
  exclude: string[];
}

/**
 * `/healthz`, `/livez`, `/readyz` in kube-apiserver's text format: `ok`, or with `?verbose` one `[+]name ok` line
 * per check and a `<endpoint> check passed` trailer. A failing check makes the answer 500 and always verbose, with
 * the reason withheld as upstream does. Liveness never depends on the store: a server waiting for its database
 * is alive but not ready.
 */
@Injectable()
export class HealthService {
  private readonly checks: Record<HealthEndpoint, HealthCheck[]>;

  constructor(@Inject(READINESS) readiness: Readiness) {
    const ping: HealthCheck = { name: 'ping', healthy: () => true };
    const store: HealthCheck = { name: 'store', healthy: () => readiness.isReady() };
    this.checks = { healthz: [ping, store], livez: [ping], readyz: [ping, store] };
  }

  report(endpoint: HealthEndpoint, query: HealthQuery): HealthReport {
    const lines: string[] = [];
    let failed = false;
    for (const check of this.checks[endpoint]) {
      if (query.exclude.includes(check.name)) {
        lines.push(`[+]${check.name} excluded: ok`);
      } else if (check.healthy()) {
        lines.push(`[+]${check.name} ok`);
      } else {
        failed = true;
        lines.push(`[-]${check.name} failed: reason withheld`);
      }
    }
    if (failed) return { code: 500, body: `${lines.join('\n')}\n${endpoint} check failed\n` };
    if (!query.verbose) return { code: 200, body: 'ok' };
    return { code: 200, body: `${lines.join('\n')}\n${endpoint} check passed\n` };
  }

  /** One check by name (`/readyz/ping`), or undefined when the endpoint has no such check. */
  single(endpoint: HealthEndpoint, name: string): HealthReport | undefined {
    const check = this.checks[endpoint].find((c) => c.name === name);
    if (!check) return undefined;
    if (check.healthy()) return { code: 200, body: 'ok' };
    return { code: 500, body: `internal server error: ${name} check failed` };
  }
}
