export { customers, customerAddresses, contracts, invoices } from './customers.tables.ts';
export {
  insertCustomer,
  nextCustomerNumber,
  nextCustomerNumbers,
  recordContact,
  findCustomer,
  findCustomerForUpdate,
  updateCustomer as updateCustomerRow,
  listCustomers as listCustomerRows,
  listAddresses,
  customerColumns,
  type CustomerRow,
  type SortKey,
} from './customers.repository.ts';
export { createCustomerBody, customerFilter, CUSTOMER_SORTS, type CustomerFilter } from './customers.contracts.ts';
export { profileValues } from './use-cases/profile-rules.ts';
export { filterConditions } from './use-cases/list-customers.ts';
export { customerActionRoutes } from './customer-actions.routes.ts';
/** The column values of a new customer row (what createCustomer writes). */
export type CustomerInsert = Omit<typeof import('./customers.tables.ts').customers.$inferInsert, 'number'>;
export { visibleTo as customerVisibleTo } from './customers.policy.ts';
export type { CustomerLinks, LinkedSection, CreatedCustomer } from './customers.links.ts';
export { customerRoutes } from './customers.routes.ts';
export { customerRecordRoutes } from './customer-records.routes.ts';
export { segmentRoutes } from './segments.routes.ts';
export { seedCustomers } from './seed.ts';
