import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { LOG_LEVELS, WORKER_ROLES, type LogLevel, type WorkerRole } from './settings.types';

@ValidatorConstraint({ name: 'urlWithProtocol' })
class UrlWithProtocol implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return false;
    try {
      return (args.constraints as string[]).includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }

  defaultMessage(args: ValidationArguments): string {
    const schemes = (args.constraints as string[]).map((p) => `${p}//`).join(' or ');
    return `must be a URL starting with ${schemes}`;
  }
}

const PORT_RANGE = { message: 'must be an integer from 1 to 65535' };

/** Validated process configuration. Build it with loadSettings(); every field is final. */
export class FlotillaSettings {
  @IsInt(PORT_RANGE)
  @Min(1, PORT_RANGE)
  @Max(65535, PORT_RANGE)
  port!: number;

  /**
   * Unset: no plaintext listener. Set: the API also serves plain HTTP on 127.0.0.1 at this port, for clients on the
   * same machine (a TLS-terminating proxy, local tools). Bearer tokens are still required there.
   */
  @IsOptional()
  @IsInt(PORT_RANGE)
  @Min(1, PORT_RANGE)
  @Max(65535, PORT_RANGE)
  loopbackHttpPort?: number;

  /** Absolute path. */
  @IsString()
  dataDir!: string;

  /** Unset: the launcher starts an embedded Postgres and passes its URL down. */
  @IsOptional()
  @Validate(UrlWithProtocol, ['postgres:', 'postgresql:'])
  databaseUrl?: string;

  /** Unset: BullMQ queues live in Postgres (BullMQ's PostgreSQL backend) on databaseUrl. */
  @IsOptional()
  @Validate(UrlWithProtocol, ['redis:', 'rediss:'])
  redisUrl?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')} (or info)` })
  logLevel!: LogLevel;

  @ArrayNotEmpty({ message: `must list at least one of ${WORKER_ROLES.join(', ')}, or all` })
  @IsIn(WORKER_ROLES, { each: true, message: `must be a comma list of ${WORKER_ROLES.join(', ')}, or all` })
  workerRoles!: WorkerRole[];

  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  compactionWindowEvents!: number;

  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  compactionWindowSeconds!: number;
}
