import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminTokenPath, ensureAdminToken } from './admin-token.store';

describe(ensureAdminToken.name, () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flotilla-token-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates a random 256-bit token once, mode 0600, and reuses it', async () => {
    const token = await ensureAdminToken(dataDir, {});
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect((await stat(adminTokenPath(dataDir))).mode & 0o777).toBe(0o600);
    expect(await readFile(adminTokenPath(dataDir), 'utf8')).toBe(`${token}\n`);
    expect(await ensureAdminToken(dataDir, {})).toBe(token);
    expect(await ensureAdminToken(await mkdtemp(join(tmpdir(), 'flotilla-token-')), {})).not.toBe(token);
  });

  it('gives concurrent callers the same token', async () => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => ensureAdminToken(dataDir, {})));
    expect(new Set(tokens).size).toBe(1);
  });

  it('prefers FLOTILLA_ADMIN_TOKEN and writes nothing then', async () => {
    const token = await ensureAdminToken(dataDir, { FLOTILLA_ADMIN_TOKEN: 'operator-chosen-token-0001' });
    expect(token).toBe('operator-chosen-token-0001');
    await expect(stat(adminTokenPath(dataDir))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a token that is short or would break the Authorization header', async () => {
    await expect(ensureAdminToken(dataDir, { FLOTILLA_ADMIN_TOKEN: 'short' })).rejects.toThrow(
      /^FLOTILLA_ADMIN_TOKEN: the admin token must be at least 16 characters/,
    );
    await expect(ensureAdminToken(dataDir, { FLOTILLA_ADMIN_TOKEN: 'has a space in the middle' })).rejects.toThrow(
      /FLOTILLA_ADMIN_TOKEN/,
    );
  });
});
