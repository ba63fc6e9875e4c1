import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/http/errors.ts';
import { languageForCountry } from '../../../platform/i18n/languages.ts';
import { newContactMail } from '../handover.mail.ts';
import * as repo from '../handover.repository.ts';

/**
 * The end of a handover, inside the confirming transaction: the customer, its open contracts and
 * the leaving owner's open activities move to the receiver; every moved record gets its history;
 * the customer is told by e-mail who their new contact is (platform mail: SMTP or the outbox).
 */
export async function completeHandover(ctx: AppContext, tx: Db, actor: Actor, h: repo.HandoverRow): Promise<void> {
  const receiver = await repo.receiverCandidate(tx, h.toOwnerId!);
  if (!receiver) {
    throw unprocessable('invalid_receiver', 'The receiver can no longer hold customers; an admin or manager must choose another.', [{ field: 'receiverId', message: 'No longer active.' }]);
  }
  const moved = await repo.transferRecords(tx, h.customerId, h.fromOwnerId, receiver.id);
  await appendHistory(tx, [
    { entityType: 'handover', entityId: h.id, actorId: actor.userId, action: 'completed', changes: [{ field: 'stage', from: 'confirmation', to: 'completed' }] },
    {
      entityType: 'customer',
      entityId: h.customerId,
      actorId: actor.userId,
      action: 'handover.completed',
      changes: [{ field: 'ownerId', from: h.customer.ownerId, to: receiver.id }],
    },
    ...moved.contracts.map((c) => ({ entityType: 'contract', entityId: c.id, actorId: actor.userId, action: 'handover.completed', changes: [{ field: 'ownerId', from: c.ownerId, to: receiver.id }] })),
    ...moved.activities.map((a) => ({ entityType: 'activity', entityId: a.id, actorId: actor.userId, action: 'handover.completed', changes: [{ field: 'ownerId', from: h.fromOwnerId, to: receiver.id }] })),
  ]);
  if (h.customer.email) {
    const mail = newContactMail(languageForCountry(h.customer.country), {
      customerName: h.customer.name,
      contactName: receiver.name,
      contactEmail: receiver.email,
      contactPhone: receiver.phone,
    });
    await ctx.mail.enqueueMail(tx, { to: h.customer.email, ...mail, kind: 'handover.new_contact' });
  }
}
