/**
 * An admin adds a vendor or raises a purchase order by message: "add Acme Training as a
 * supplier", "raise PO 4501 for £2,000 to Acme Training". What is missing (a name, the PO
 * number, the vendor) is asked for and the typed answer read; nothing is written before a
 * "yes". The use cases (features/costs) check the admin and the values.
 */
import {
  createVendor,
  findVendors,
  parseAmount,
  parseCurrency,
  raisePurchaseOrder,
} from '../../features/costs/index.ts';
import { isAdmin } from '../../features/people/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import type { IntentHandler } from './turn.ts';
import { askFor } from './ask-for.ts';
import type { Reply } from '../types.ts';

const adminsOnly = (what: string) => reply(`Only an admin can ${what}.`, { next: [say('Help', 'help')] });

/** An AppError the use case raised, in its own words; anything else is a fault and goes on up. */
function refused(error: unknown, next: ReturnType<typeof say>[]): Reply {
  if (error instanceof AppError) return reply(error.userMessage, { next });
  throw error;
}

export const handleAddVendor: IntentHandler<'add_vendor'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor)) return adminsOnly('add vendors');
  const name = intent.slots.vendor?.trim();
  if (!name) return askFor(turn, intent, 'vendor', 'What is the vendor called?');
  const known = await findVendors(turn.deps, turn.actor, { name });
  if (known.some((v) => v.name.toLowerCase() === name.toLowerCase()))
    return reply(`${name} is already a vendor.`, {
      next: [say(`Raise a PO to ${name}`, `raise a purchase order to ${name}`)],
    });
  if (!resolved.confirmed) {
    turn.pending = { kind: 'confirm', intent, resolved: {}, prompt: 'add vendor' };
    return reply(`Add ${name}${intent.slots.email ? ` (${intent.slots.email})` : ''} as a vendor?`, {
      next: confirmButtons('Yes, add it'),
      awaitingAnswer: true,
    });
  }
  try {
    await createVendor(turn.deps, turn.actor, { name, email: intent.slots.email });
  } catch (error) {
    return refused(error, [say('Help', 'help')]);
  }
  return reply(`Added ${name} as a vendor. Purchase orders and costs can name it now.`, {
    next: [say(`Raise a PO to ${name}`, `raise a purchase order to ${name}`)],
  });
};

export const handleRaisePurchaseOrder: IntentHandler<'raise_purchase_order'> = async (
  turn,
  intent,
  resolved,
) => {
  if (!isAdmin(turn.actor)) return adminsOnly('raise purchase orders');
  const s = intent.slots;
  if (!s.vendor) return askFor(turn, intent, 'vendor', 'Which vendor is the purchase order for?');
  const vendors = await findVendors(turn.deps, turn.actor, { name: s.vendor });
  if (vendors.length === 0)
    return reply(`I couldn't find a vendor called "${s.vendor}". Add it first, then raise the order.`, {
      next: [say(`Add ${s.vendor}`, `add ${s.vendor} as a supplier`), say('Help', 'help')],
    });
  if (vendors.length > 1)
    return reply(`"${s.vendor}" could be ${vendors.map((v) => v.name).join(' or ')}. Use the full name.`, {
      next: vendors.slice(0, 3).map((v) => say(v.name, `raise a purchase order to ${v.name}`)),
    });
  const vendor = vendors[0]!;
  const withVendor = { ...intent, slots: { ...s, vendor: vendor.name } };
  if (!s.number)
    return askFor(turn, withVendor, 'number', `What is the purchase order number for ${vendor.name}?`);
  if (!s.money)
    return askFor(turn, withVendor, 'money', 'For how much, and in which currency? e.g. "£2,000".');
  try {
    parseAmount(s.money.amount);
    parseCurrency(s.money.currency);
  } catch (error) {
    return refused(error, [say('Help', 'help')]);
  }
  const amount = new Intl.NumberFormat(turn.locale, { style: 'currency', currency: s.money.currency }).format(
    Number(s.money.amount),
  );
  const description = `${amount}${s.category ? ` for ${s.category}` : ''}${s.course ? ` (${s.course})` : ''}`;
  if (!resolved.confirmed) {
    turn.pending = { kind: 'confirm', intent: withVendor, resolved: {}, prompt: 'raise purchase order' };
    return reply(`Raise purchase order ${s.number} to ${vendor.name} for ${description}?`, {
      next: confirmButtons('Yes, raise it'),
      awaitingAnswer: true,
    });
  }
  try {
    await raisePurchaseOrder(turn.deps, turn.actor, {
      number: s.number,
      vendorId: vendor.id,
      currency: s.money.currency,
      description,
    });
  } catch (error) {
    return refused(error, [say('Help', 'help')]);
  }
  return reply(`Raised purchase order ${s.number} to ${vendor.name} for ${description}.`, {
    next: [say('Cost report this quarter', 'cost report this quarter')],
  });
};
