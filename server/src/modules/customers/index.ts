export { customers, customerAddresses, contracts, invoices } from './customers.tables.ts';
export { insertCustomer, nextCustomerNumber, recordContact, findCustomer } from './customers.repository.ts';
export { visibleTo as customerVisibleTo } from './customers.policy.ts';
export type { CustomerLinks, LinkedSection, CreatedCustomer } from './customers.links.ts';
export { customerRoutes } from './customers.routes.ts';
export { customerRecordRoutes } from './customer-records.routes.ts';
export { segmentRoutes } from './segments.routes.ts';
export { seedCustomers } from './seed.ts';
