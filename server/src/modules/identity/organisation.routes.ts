import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './identity.contracts.ts';
import { presentTeam } from './identity.presenters.ts';
import { createBranch, createTeam, updateBranch, updateTeam } from './use-cases/manage-organisation.ts';
import { getBranch, getTeam, listBranches, listTeams } from './use-cases/read-directory.ts';

const TAG = ['organisation'];

/** Branches and teams (IAM-4). Small sets: listed whole, ordered by name. */
export const organisationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/branches', {
    config: { access: 'org.read' },
    schema: { tags: TAG, summary: 'List branches', response: { 200: z.object({ items: z.array(c.branchResponse) }) } },
  }, async () => ({ items: await listBranches(ctx) }));

  app.get('/api/v1/branches/:id', {
    config: { access: 'org.read' },
    schema: { tags: TAG, summary: 'One branch', params: uuidParam, response: { 200: c.branchResponse } },
  }, async (request, reply) => {
    const branch = await getBranch(ctx, request.params.id);
    reply.header('ETag', etag(branch.version));
    return branch;
  });

  app.post('/api/v1/branches', {
    config: { access: 'org.manage' },
    schema: { tags: TAG, summary: 'Create a branch', body: c.branchBody, response: { 201: c.branchResponse } },
  }, async (request, reply) => reply.status(201).send(await createBranch(ctx, actorOf(request), request.body)));

  app.patch('/api/v1/branches/:id', {
    config: { access: 'org.manage' },
    schema: { tags: TAG, summary: 'Edit a branch (If-Match: version)', params: uuidParam, body: c.branchPatch, response: { 200: c.branchResponse } },
  }, async (request) => updateBranch(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body));

  app.get('/api/v1/teams', {
    config: { access: 'org.read' },
    schema: { tags: TAG, summary: 'List teams with manager and members', response: { 200: z.object({ items: z.array(c.teamResponse) }) } },
  }, async () => ({ items: (await listTeams(ctx)).map(presentTeam) }));

  app.get('/api/v1/teams/:id', {
    config: { access: 'org.read' },
    schema: { tags: TAG, summary: 'One team', params: uuidParam, response: { 200: c.teamResponse } },
  }, async (request, reply) => {
    const team = await getTeam(ctx, request.params.id);
    reply.header('ETag', etag(team.version));
    return presentTeam(team);
  });

  app.post('/api/v1/teams', {
    config: { access: 'org.manage' },
    schema: { tags: TAG, summary: 'Create a team', body: c.teamBody, response: { 201: c.teamResponse } },
  }, async (request, reply) => reply.status(201).send(presentTeam(await createTeam(ctx, actorOf(request), request.body))));

  app.patch('/api/v1/teams/:id', {
    config: { access: 'org.manage' },
    schema: { tags: TAG, summary: 'Edit a team, its manager and members (If-Match: version)', params: uuidParam, body: c.teamPatch, response: { 200: c.teamResponse } },
  }, async (request) => presentTeam(await updateTeam(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body)));
};
