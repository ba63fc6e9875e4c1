import { describe, expect, it } from 'vitest';
import { AppError, conflict } from '../src/platform/http/errors.ts';
import { defineProblems } from '../src/platform/http/problems.ts';
import { loadProblemCatalogues, thrownCodes } from './problem-catalogues.ts';

const catalogued = await loadProblemCatalogues();
const thrown = thrownCodes();
const statusesOf = (code: string) => {
  const status = catalogued.get(code)?.status;
  return status === undefined ? [] : typeof status === 'number' ? [status] : [...status];
};

describe('problem catalogues', () => {
  it('the source scan finds the codes (it is not silently empty)', () => {
    expect(thrown.size).toBeGreaterThan(60);
    expect(thrown.get('not_found')?.files.has('platform/http/errors.ts')).toBe(true);
    expect(thrown.get('pool_cooldown')?.statuses).toEqual(new Set([409]));
  });

  it('every code the server answers with is declared, with the status it is answered with', () => {
    const undeclared = [...thrown.keys()].filter((code) => !catalogued.has(code));
    expect(undeclared, 'thrown but in no catalogue').toEqual([]);
    const wrongStatus = [...thrown].filter(([code, t]) => [...t.statuses].some((s) => !statusesOf(code).includes(s))).map(([code]) => code);
    expect(wrongStatus, 'thrown with a status its catalogue does not declare').toEqual([]);
  });

  it('every declared code is answered somewhere (no dead entries)', () => {
    expect([...catalogued.keys()].filter((code) => !thrown.has(code))).toEqual([]);
  });

  it("a module's codes are declared in its own catalogue; codes several modules share are the platform's", () => {
    const misplaced = [...thrown]
      .filter(([code]) => catalogued.get(code)?.file.startsWith('modules/'))
      .flatMap(([code, t]) => {
        const home = catalogued.get(code)!.file.split('/').slice(0, 2).join('/');
        return [...t.files].filter((file) => !file.startsWith(`${home}/`)).map((file) => `${code} thrown in ${file}, declared in ${home}`);
      });
    expect(misplaced).toEqual([]);
  });

  it('a catalogue refuses codes that are not snake_case and statuses that are not errors', () => {
    expect(() => defineProblems({ 'Not-Snake': { status: 400, title: 'x' } })).toThrow('snake_case');
    expect(() => defineProblems({ fine: { status: 200, title: 'x' } })).toThrow('no HTTP error status');
    expect(() => defineProblems({ fine: { status: [], title: 'x' } })).toThrow('no HTTP error status');
  });

  it('an undeclared code does not compile', () => {
    // These lines are checked by `npm run typecheck`: the directives fail it if the codes were accepted.
    // @ts-expect-error 'no_such_code' is in no catalogue
    const undeclared = () => new AppError('no_such_code', 400, 'x');
    // @ts-expect-error 'no_such_code' is in no catalogue
    const undeclaredConflict = () => conflict('no_such_code', 'x');
    expect(undeclared().code).toBe('no_such_code');
    expect(undeclaredConflict().status).toBe(409);
  });
});
