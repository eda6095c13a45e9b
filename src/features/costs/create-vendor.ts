/** Vendors supply venues, facilitators, catering…; purchase orders and cost items name them. */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';

export interface CreateVendorInput {
  name: string;
  email?: string;
  taxId?: string;
}

export async function createVendor(
  deps: Deps,
  actor: Actor,
  input: CreateVendorInput,
): Promise<{ kind: 'created'; vendorId: string }> {
  assertAdmin(actor, 'add vendors');
  const name = input.name?.trim();
  if (!name) throw new AppError('VALIDATION', 'A vendor needs a name.');
  if (input.email && !/^[^@\s]+@[^@\s]+$/.test(input.email.trim()))
    throw new AppError('VALIDATION', `${input.email} is not an e-mail address.`);
  try {
    return await inTransaction(deps.db.prisma, async (tx) => {
      const vendor = await tx.vendor.create({
        data: { name, email: input.email?.trim() || null, taxId: input.taxId?.trim() || null },
      });
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'vendor.created',
        entityType: 'Vendor',
        entityId: vendor.id,
        after: vendor,
      });
      return { kind: 'created' as const, vendorId: vendor.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A vendor called ${name} already exists.`);
    throw error;
  }
}
