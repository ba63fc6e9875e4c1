import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.test-data');

/** The maintenance connection: same server, database `postgres`… or the one given, for CREATE DATABASE. */
export function adminUrlFor(serverUrl: string): string {
  return serverUrl;
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
