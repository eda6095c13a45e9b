/** "raise a PO to Acme Training": active vendors whose name holds the words, for an admin. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';

export interface VendorMatch {
  id: string;
  name: string;
}

export async function findVendors(deps: Deps, actor: Actor, input: { name: string }): Promise<VendorMatch[]> {
  assertAdmin(actor, 'look up vendors');
  const name = input.name.trim().slice(0, 80);
  if (!name) return [];
  const rows = await deps.db.prisma.vendor.findMany({
    where: { active: true, name: { contains: name, mode: 'insensitive' } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
    take: 6,
  });
  // An exact name wins over names that merely contain it ("Acme" vs "Acme Catering").
  const exact = rows.filter((r) => r.name.toLowerCase() === name.toLowerCase());
  return exact.length ? exact : rows;
}
