import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { FlotillaSettings, WORKER_ROLES, type WorkerRole } from '@flotilla/persistence';

/** Something a role runs: a controller loop, the scheduler, a kubelet agent, the dispatcher. */
export interface RoleRunner {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Knows which roles this process runs (FLOTILLA_WORKER_ROLES) and starts the runners registered for
 * them once the queue backend is proven (see startWorkers). Role modules register their runners in
 * onModuleInit; runners of roles this process does not run are never started.
 */
@Injectable()
export class RoleRegistry implements OnModuleDestroy {
  private readonly logger = new Logger(RoleRegistry.name);
  private readonly runners = new Map<WorkerRole, RoleRunner[]>();
  private readonly started: RoleRunner[] = [];

  constructor(@Inject(FlotillaSettings) private readonly settings: FlotillaSettings) {}

  get enabledRoles(): readonly WorkerRole[] {
    return this.settings.workerRoles;
  }

  isEnabled(role: WorkerRole): boolean {
    return this.settings.workerRoles.includes(role);
  }

  register(role: WorkerRole, runner: RoleRunner): void {
    if (this.started.length > 0) throw new Error(`Role runner ${runner.name} registered after start`);
    this.runners.set(role, [...(this.runners.get(role) ?? []), runner]);
  }

  /** Runner names per enabled role, in the canonical role order. */
  plan(): { role: WorkerRole; runners: string[] }[] {
    return WORKER_ROLES.filter((role) => this.isEnabled(role)).map((role) => ({
      role,
      runners: (this.runners.get(role) ?? []).map((r) => r.name),
    }));
  }

  async startAll(): Promise<void> {
    for (const { role, runners } of this.plan()) {
      this.logger.log(`Role ${role}: ${runners.length > 0 ? runners.join(', ') : 'no runners registered yet'}`);
    }
    const skipped = WORKER_ROLES.filter((role) => !this.isEnabled(role));
    if (skipped.length > 0) this.logger.log(`Roles not run by this process: ${skipped.join(', ')}`);

    for (const { role } of this.plan()) {
      for (const runner of this.runners.get(role) ?? []) {
        await runner.start();
        this.started.push(runner);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const runner of this.started.splice(0).reverse()) {
      await runner.stop().catch((error: Error) => this.logger.error(`Stopping ${runner.name}: ${error.message}`));
    }
  }
}
