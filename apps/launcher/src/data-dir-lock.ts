import { join } from 'node:path';
import { lock } from 'proper-lockfile';

/** The lock's name in the data directory. */
export const DATA_DIR_LOCK = 'qinglian.lock';

/** Another running system holds the data directory. */
export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
}

/** How often a running system touches its lock, and after how long untouched a lock is stale (its holder died). */
const TOUCH_MS = 1_000;
const STALE_MS = 5_000;

/**
 * Locks the data directory for this system (`<dir>/qinglian.lock`, kept fresh while it runs) and gives back the
 * release. A lock another running system holds refuses; one left by a system that died (not touched for 5 s) is taken
 * over, waiting for it to go stale if need be.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockfilePath = join(dataDir, DATA_DIR_LOCK);
  try {
    return await lock(dataDir, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      update: TOUCH_MS,
      retries: { retries: 8, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
      onCompromised: (error) => {
        console.error(`数据目录锁已失效 / the data directory's lock was lost: ${error.message}`);
        process.kill(process.pid, 'SIGTERM');
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new DataDirInUse(
      `数据目录 ${dataDir} 正由另一个运行中的 Qinglian 使用（锁：${lockfilePath}）：请先停止它，或用 DATA_DIR 指定另一个目录 / ` +
        `the data directory ${dataDir} is in use by another running Qinglian (lock: ${lockfilePath}): stop it first, or set another DATA_DIR`,
    );
  }
}
