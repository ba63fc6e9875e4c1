export { customerImportRoutes } from './customer-import.routes.ts';
export { defineImportJobs, IMPORT_JOB } from './use-cases/manage-imports.ts';
export { customerImports, customerImportIssues, customerImportKeys } from './customer-import.tables.ts';
