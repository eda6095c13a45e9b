import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** A Prisma client or an open transaction: stores accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * Runs `work` in one transaction. Defaults are longer than Prisma's 5 s because booking
 * under a row lock queues concurrent callers behind each other by design.
 */
export function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(work, { maxWait: 30_000, timeout: 60_000 });
}
