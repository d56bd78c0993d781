import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createFileOnce, readIfExists } from './private-file';

export const ADMIN_TOKEN_VARIABLE = 'FLOTILLA_ADMIN_TOKEN';

/** RFC 6750 b64token characters; anything else would not survive an Authorization header. */
const TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MIN_TOKEN_LENGTH = 16;

export function adminTokenPath(dataDir: string): string {
  return join(dataDir, 'pki', 'admin.token');
}

function checked(token: string, origin: string): string {
  if (token.length < MIN_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
    throw new Error(
      `${origin}: the admin token must be at least ${MIN_TOKEN_LENGTH} characters of A-Z a-z 0-9 - . _ ~ + / (and trailing =)`,
    );
  }
  return token;
}

/**
 * The cluster-admin bearer token: FLOTILLA_ADMIN_TOKEN when set, else a random 256-bit token created
 * once in `$dataDir/pki/admin.token` (mode 0600) and reused by every later start and replica.
 */
export async function ensureAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[ADMIN_TOKEN_VARIABLE]?.trim();
  if (fromEnv) return checked(fromEnv, ADMIN_TOKEN_VARIABLE);

  const path = adminTokenPath(dataDir);
  const existing = await readIfExists(path);
  if (existing !== undefined) return checked(existing.trim(), path);
  const token = await createFileOnce(path, `${randomBytes(32).toString('base64url')}\n`, 0o600);
  return checked(token.trim(), path);
}
