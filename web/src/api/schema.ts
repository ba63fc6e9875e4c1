/**
 * Readable names over the generated API types (schema.gen.ts, from the server's OpenAPI document): a
 * module's type is `ResponseOf<'/api/v1/…', 'get'>` or a part of it, never a hand-written copy.
 */
import type { paths } from './schema.gen.ts';

export type { Permission } from './schema.gen.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of a success answer (200, else 201). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Responses<P, M> extends { 200: infer R } ? JsonOf<R> : Responses<P, M> extends { 201: infer R } ? JsonOf<R> : never;

/** The JSON request body. */
export type BodyOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters. */
export type QueryOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a keyset page answer ({ items, nextCursor }). */
export type ItemOf<P extends keyof paths, M extends Method = 'get'> = ResponseOf<P, M> extends { items: (infer I)[] } ? I : never;

/** One element of an array type. */
export type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/**
 * A runtime list of every member of a generated string union, checked by the compiler in both directions:
 * a value the API dropped (an excess key) or one it added and the list lacks (a missing key) is a type error.
 * `every<Status>({ new: true, … })` keeps the object's key order.
 */
export function every<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}
