export { handovers, handoverItems } from './handover.tables.ts';
export { handoverRoutes } from './handover.routes.ts';
export { subscribeHandoverTriggers, startHandovers } from './use-cases/start-handovers.ts';
export { seedHandovers } from './seed.ts';
