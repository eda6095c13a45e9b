/**
 * One process at a time owns an embedded database folder: PGlite keeps the database in
 * that process's memory and writes it back, so a second process on the same files silently
 * loses the first one's writes. The lock is proper-lockfile's (an atomic mkdir, refreshed
 * while held, taken over only once stale, i.e. its owner stopped refreshing it). The owner
 * also leaves a small note (pid, and where its service listens) so a second opener can say
 * who holds the folder and the CLI can send its command there instead.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../shared/app-error.ts';

const STALE_MS = 15_000;
const UPDATE_MS = 5_000;

export interface DataDirOwner {
  pid: number;
  /** Loopback URL of the running service, once it listens. */
  url?: string;
  /** The admin token generated for this run (only when none was configured). */
  adminToken?: string;
}

export class DatabaseInUseError extends AppError {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | undefined,
  ) {
    super(
      'CONFLICT',
      `the embedded database in ${dataDir} is in use by process ${owner?.pid ?? '(unknown)'}; ${
        owner && !isAlive(owner.pid)
          ? `that process has stopped, so its lock clears within ${STALE_MS / 1000} s: try again then.`
          : 'stop that process first, or set DATA_DIR to another folder (the CLI sends its commands to a running service).'
      }`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  /** Adds where the service listens to the owner note, for the CLI. */
  describe(owner: Omit<DataDirOwner, 'pid'>): void;
  release(): Promise<void>;
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'rollcall-owner.json');

export function readDataDirOwner(dataDir: string): DataDirOwner | undefined {
  try {
    return JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(dataDir: string, displayName = dataDir): Promise<DataDirLock> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'rollcall.lock'),
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      // Someone removed or took the lock under us: keep serving, the files are still ours.
      onCompromised: () => {},
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DatabaseInUseError(displayName, readDataDirOwner(dataDir));
    }
    throw error;
  }
  const write = (owner: DataDirOwner) =>
    writeFileSync(ownerFile(dataDir), JSON.stringify(owner), { mode: 0o600 });
  write({ pid: process.pid });
  return {
    describe: (owner) => write({ pid: process.pid, ...owner }),
    release: async () => {
      rmSync(ownerFile(dataDir), { force: true });
      await release().catch(() => {});
    },
  };
}
