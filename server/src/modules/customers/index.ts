// For other modules: references, scope subqueries, a card to join, intent-level reads and writes (directory.ts).
export {
  clearCustomerOwners,
  countCustomersHeldBy,
  customerCards,
  customerContactsVisibleTo,
  customerContactJson,
  customerHandoverFacts,
  customerIdsVisibleTo,
  customerMailAddress,
  customerName,
  customerOwner,
  customerRef,
  customersOwnedBy,
  isCustomerVisibleTo,
  setCustomerOwner,
  transferCustomer,
  unsafeLockIdleCustomers,
  type IdleCustomer,
} from './directory.ts';
export {
  recordContact,
  findCustomer,
  findCustomerForUpdate,
  updateCustomer as updateCustomerRow,
  listCustomers as listCustomerRows,
  listAddresses,
  type CustomerRow,
  type SortKey,
} from './customers.repository.ts';
// PLT-9 import: customers created set-based by the create rules' columns, defaults, numbers, history and event.
export { bulkCustomer, type BulkCustomer, type BulkCreated, activeCustomersSharing, activeCustomersSharingAny, type CustomerKey, type KeyMatch } from './bulk.repository.ts';
export { createCustomersInBulk } from './use-cases/create-customers-in-bulk.ts';
export { findDuplicates as findDuplicateCustomers } from './customers.repository.ts';
// TKT-11 ticket import: the customers a file's cells name, through the caller's visibility.
export { customersByEmail, customersByNumber, customersByPhoneDigits, type CustomerMatch } from './lookup.repository.ts';
export { createCustomerBody, customerFilter, CUSTOMER_SORTS, type CustomerFilter } from './customers.contracts.ts';
export { profileValues } from './use-cases/profile-rules.ts';
export { filterConditions } from './use-cases/list-customers.ts';
/** The column values of a new customer row (what createCustomer writes). */
export type CustomerInsert = Omit<typeof import('./customers.tables.ts').customers.$inferInsert, 'number'>;
export { visibleTo as customerVisibleTo } from './customers.policy.ts';

import { defineModule } from '../../platform/module.ts';
import { customerActionRoutes as actions } from './customer-actions.routes.ts';
import { customerRecordRoutes as records } from './customer-records.routes.ts';
import { customersPermissions } from './customers.permissions.ts';
import { customersEvents } from './customers.events.ts';
import { customerRoutes as profiles } from './customers.routes.ts';
import { customerSearch } from './customers.search.ts';
import { contractsSection, invoicesSection } from './overview.repository.ts';
import { segmentRoutes as segments } from './segments.routes.ts';
import { seedCustomers as seed } from './seed.ts';

/** CUS-1…5: customer profiles, addresses, segments, merge, contracts and invoices, the 360° view. */
export const customersModule = defineModule({
  name: 'customers',
  permissions: customersPermissions,
  events: customersEvents,
  scopes: {
    admin: 'every customer',
    auditor: 'every customer (read only)',
    marketing: 'every customer (read only)',
    agent: 'every customer, read only (customer care serves anyone who calls)',
    manager: 'their own, unowned ones, those of the teams they manage and of anyone in their branch',
    sales: 'their own, those of their teams and of their team mates',
    client: 'their own customer (portal)',
  },
  routes: [profiles, records, actions, segments],
  customer: { sections: [contractsSection, invoicesSection] },
  search: [customerSearch],
  seed: (tx, shared) => seed(tx, shared.userIds),
});
