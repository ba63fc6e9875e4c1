export { ticketImportRoutes } from './ticket-import.routes.ts';
