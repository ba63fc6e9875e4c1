import type { Db } from '../../platform/db/database.ts';
import { activeStaffByEmail as staffByEmail } from '../identity/index.ts';

/** Active staff by lower-case e-mail: the owners an import may name (one query per pass, not per row). */
export async function activeStaffByEmail(db: Db): Promise<Map<string, string>> {
  return staffByEmail(db);
}
