import type { Db } from '../db/open-db.ts';

/**
 * Runs `work` only if no other replica is running the same job: a session-level advisory
 * lock taken with try (never waits) on one dedicated connection. Returns undefined when
 * another replica holds it.
 */
export async function withJobLock<T>(
  db: Db,
  jobName: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  return db.sql.withConnection(async (conn) => {
    const [row] = await conn.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [`rollcall-job:${jobName}`],
    );
    if (!row?.locked) return undefined;
    try {
      return await work();
    } finally {
      await conn.query('SELECT pg_advisory_unlock(hashtext($1))', [`rollcall-job:${jobName}`]);
    }
  });
}
