export { customerImportRoutes } from './customer-import.routes.ts';
export { defineImportJobs, IMPORT_JOB } from './use-cases/manage-imports.ts';
export { customerImports, customerImportIssues, customerImportKeys } from './customer-import.tables.ts';
// The CSV reader and the formula-safe writer, for other modules' imports and exports (tickets).
export { CsvError, CsvParser, csvLine, detectDelimiter, isBlank, UTF8_BOM } from './csv.ts';
