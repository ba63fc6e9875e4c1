import type { RecipientDirectory } from '../../platform/notifications/notifications.ts';
import { recipientRow } from './identity.repository.ts';

/** Tells the platform's notifications who a user is and what they want to receive. */
export const notificationRecipients: RecipientDirectory = {
  async find(db, userId) {
    const row = await recipientRow(db, userId);
    if (!row) return null;
    let prefs: Record<string, { inApp?: boolean; email?: boolean }> = {};
    try {
      const parsed = JSON.parse(row.notificationPrefs);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) prefs = parsed;
    } catch {
      // An unreadable value means "no choices made": the defaults apply.
    }
    return { email: row.email, name: row.name, active: row.active, prefs, language: row.language };
  },
};
