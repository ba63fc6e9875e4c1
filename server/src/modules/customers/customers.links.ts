import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * What other modules add to a customer without this module importing them (no cycles): a section
 * of the 360° view and its rows in the merged timeline, and work done when a customer is created.
 * app.ts hands the implementations to customerRoutes.
 */
export interface LinkedSection {
  /** The key of this section in the overview's `sections`. */
  name: string;
  /** One SQL expression (json) summarising the customer's linked records: counts and the latest few. */
  summary(customerId: SQL): SQL;
  /**
   * A SELECT of the customer's timeline rows with exactly these columns, in this order:
   * at timestamptz, kind text, id text, title text, data jsonb.
   */
  timeline(customerId: SQL): SQL;
}

export interface CreatedCustomer {
  id: string;
  number: string;
  name: string;
  type: string;
}

export interface CustomerLinks {
  sections: LinkedSection[];
  /** Runs in the creating transaction (CUS-4: the "customer created" activity). */
  onCreated: ((tx: Db, customer: CreatedCustomer, actor: Actor) => Promise<void>)[];
}

export const NO_LINKS: CustomerLinks = { sections: [], onCreated: [] };
