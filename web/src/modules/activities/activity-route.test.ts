import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { activities } from './index.tsx';

// The staff area as app/router.tsx assembles it: the module's routes, then the not-found page.
const staff: RouteObject[] = [{ path: '/', children: [...(activities.routes ?? []), { path: '*' }] }];
const leaf = (url: string) => matchRoutes(staff, url)?.at(-1);

describe('the activity page', () => {
  it('exists at the link an activity reminder carries (/activities/<id>), not the not-found page', () => {
    const id = '3f1c2b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
    const match = leaf(`/activities/${id}`);
    expect(match?.route.path).toBe('activities/:id');
    expect(match?.params.id).toBe(id);
  });

  it('leaves My day at /activities', () => {
    expect(leaf('/activities')?.route.path).toBe('activities');
  });
});
