/**
 * Secrets the service makes for itself when the environment gives none, kept in the
 * database so every replica and the CLI use the same one. The first process to ask creates
 * it (INSERT … ON CONFLICT DO NOTHING, then read: replicas starting at once agree).
 * Rotation keeps the old value as `previous`, still accepted for what it already signed.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './open-db.ts';

export interface StoredSecretValue {
  current: string;
  previous?: string;
  rotatedAt: Date;
}

export async function ensureStoredSecret(db: Db, name: string): Promise<StoredSecretValue> {
  await db.prisma.$executeRaw`
    INSERT INTO "StoredSecret" (name, current) VALUES (${name}, ${newSecret()})
    ON CONFLICT (name) DO NOTHING`;
  const row = await db.prisma.storedSecret.findUniqueOrThrow({ where: { name } });
  return { current: row.current, previous: row.previous ?? undefined, rotatedAt: row.rotatedAt };
}

export async function rotateStoredSecret(db: Db, name: string, now: Date): Promise<StoredSecretValue> {
  await ensureStoredSecret(db, name);
  const rows = await db.prisma.$queryRaw<{ current: string; previous: string | null; rotatedAt: Date }[]>`
    UPDATE "StoredSecret" SET previous = current, current = ${newSecret()}, "rotatedAt" = ${now}
    WHERE name = ${name} RETURNING current, previous, "rotatedAt"`;
  const row = rows[0]!;
  return { current: row.current, previous: row.previous ?? undefined, rotatedAt: row.rotatedAt };
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
