import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

function tempNameFor(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
}

/** Replaces `path` atomically; readers see the old or the new content, never a partial file. */
export async function writeFileAtomic(path: string, content: string, mode: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempNameFor(path);
  await writeFile(temp, content, { mode });
  // writeFile's mode is filtered by the umask; secrets must end up exactly as asked.
  await chmod(temp, mode);
  await rename(temp, path);
}

/**
 * Creates `path` only if it does not exist yet and returns what the file holds afterwards: the new
 * content, or the content another process wrote first.
 */
export async function createFileOnce(path: string, content: string, mode: number): Promise<string> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempNameFor(path);
  await writeFile(temp, content, { mode });
  await chmod(temp, mode);
  try {
    await link(temp, path);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path, 'utf8');
  } finally {
    await unlink(temp);
  }
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const LOCK_STALE_MS = 60_000;
const LOCK_WAIT_MS = 30_000;

/**
 * Runs `fn` while holding a directory lock, so API replicas sharing one data dir do not generate two
 * certificate authorities. A lock older than a minute belongs to a process that died and is taken over.
 */
export async function withDirectoryLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await mkdir(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > LOCK_STALE_MS) {
        await rmdir(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockPath}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lockPath).catch(() => undefined);
  }
}
