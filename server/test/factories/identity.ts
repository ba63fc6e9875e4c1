import { expect } from 'vitest';
import type { Role } from '../../src/platform/permissions/roles.ts';
import type { Agent, TestApp } from '../harness.ts';
import { query, unique } from './sql.ts';

export interface StaffUser {
  id: string;
  version: number;
  email: string;
}

/** A new active staff user, created by an admin through POST /users (asserting 201). */
export async function aStaffUser(admin: Agent, role: Exclude<Role, 'client'>, body: Record<string, unknown> = {}): Promise<StaffUser> {
  const name = unique(`${role}-`);
  const email = `${name}@factory.test`;
  const response = await admin.post('/api/v1/users', { email, name, role, password: 'a-long-password-1', ...body });
  expect(response.statusCode, response.body).toBe(201);
  const user = response.json();
  return { id: user.id, version: user.version, email: user.email };
}

/** The customer a (client) user belongs to. */
export async function customerOf(t: TestApp, email: string): Promise<string> {
  const [row] = await query<{ customer_id: string }>(t, 'select customer_id from users where email = $1', [email]);
  return row.customer_id;
}
