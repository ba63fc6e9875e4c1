import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

function zodSchemaOf(schema: unknown): ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown }).properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`A response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/** Keywords that only constrain values; fast-json-stringify needs the shape. */
const VALUE_CONSTRAINTS = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems'];

/**
 * The shape of a JSON Schema without its value constraints and without `additionalProperties: false`.
 * fast-json-stringify writes only declared properties either way, but it picks an `anyOf` branch (a
 * nullable object, a discriminated union) by validating the value against it with ajv: there an
 * undeclared property or a constraint would make a valid body fail with a 500 instead of being written
 * without it, as zod's strip did.
 */
function shapeOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shapeOf);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALUE_CONSTRAINTS.includes(key) || (key === 'additionalProperties' && value === false)) continue;
    // Inside `properties` the keys are property names, which may be called "format" or "pattern".
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, shapeOf(v)])) : shapeOf(value);
  }
  return out;
}

/**
 * Response serialisation from each route's zod schema, compiled once into fast-json-stringify (the
 * serialiser Fastify itself uses for JSON Schema). Like zod's parse it writes only the properties the
 * schema declares — a presenter's extra field never leaves the server — but it builds the string
 * directly instead of re-validating and copying every object first: on a 50-ticket page (48 kB)
 * fastify-type-provider-zod's parse-then-JSON.stringify was 16 % of the main thread under load
 * (npm run bench:profile).
 *
 * `validate` (on outside production: tests and development) also checks the body against the zod
 * schema first and fails the request as before when it does not match, so a presenter that drifts
 * from its contract is caught by the tests; the bytes sent are the same either way.
 */
export function createSerializerCompiler({ validate }: { validate: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    const zodSchema = zodSchemaOf(schema);
    const jsonSchema = z.toJSONSchema(zodSchema, { target: 'draft-7', io: 'output', unrepresentable: 'any', cycles: 'ref', reused: 'inline' });
    const stringify = fastJsonStringify(shapeOf(jsonSchema) as Parameters<typeof fastJsonStringify>[0]);
    return (data) => {
      if (validate) {
        const result = z.safeEncode(zodSchema, data);
        if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      }
      return stringify(data);
    };
  };
}
