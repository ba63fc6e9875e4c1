import type { Role } from '../permissions/roles.ts';

/** Who is making a request: resolved once by the auth hook, passed to use cases and policies. */
export interface Actor {
  userId: string;
  role: Role;
  name: string;
  email: string;
  language: string;
  timeZone: string;
  branchId: string | null;
  /** For clients: the customer whose data they may see. */
  customerId: string | null;
  teamIds: string[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

/** Resolves credentials to an actor; implemented by the identity module, used by the platform hook. */
export interface ActorResolver {
  fromSession(sessionId: string): Promise<Actor | null>;
  fromApiToken(tokenHash: string): Promise<Actor | null>;
}

/** The system itself (jobs, sweeps) when it acts without a user. */
export const SYSTEM_ACTOR_ID = null;
