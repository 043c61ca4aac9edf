import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where Voucherify's OpenAPI subset lives: $VOUCHERIFY_OPENAPI, else ../shared/voucherify-api/ beside the repo. */
export const specPath = process.env.VOUCHERIFY_OPENAPI ?? fileURLToPath(new URL('../../../shared/voucherify-api/openapi-subset.json', import.meta.url));

export const hasSpec = existsSync(specPath);
export const skipReason = `openapi-subset.json not found at ${specPath} (set VOUCHERIFY_OPENAPI to its path)`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiOperation {
  operationId?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonObject; examples?: Record<string, { value?: unknown }> }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject> };
}

/** How `oneOf` is read. See `toJsonSchema`. */
export type OneOfMode = 'strict' | 'any';

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * OpenAPI 3.0 schema → JSON Schema draft-07 for Ajv:
 * - `nullable: true` becomes a `null` type (or an `anyOf` with null when the schema has no `type`), and `null`
 *   joins an `enum`;
 * - `$ref: '#/components/schemas/X'` points into the schema registered as `spec` (`spec#/definitions/X`);
 * - `example`, `discriminator`, `x-*`, `xml`, `externalDocs`, `deprecated`, `readOnly`, `writeOnly` are annotations
 *   and are dropped;
 * - in `any` mode, `oneOf` becomes `anyOf`. Voucherify's description uses `oneOf` over branches that are not
 *   mutually exclusive (e.g. the five `RedeemableResult*` objects have no required keys), so strict `oneOf`
 *   rejects Voucherify's own examples; `anyOf` is the reading that accepts them while still requiring each
 *   value to match at least one branch completely.
 */
export function toJsonSchema(schema: Json, mode: OneOfMode): Json {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, mode));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      key.startsWith('x-') ||
      ['example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'nullable'].includes(key)
    ) {
      continue;
    }
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', 'spec#/definitions/');
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toJsonSchema(inner, mode)]));
      continue;
    }
    const target = key === 'oneOf' && mode === 'any' ? 'anyOf' : key;
    out[target] = toJsonSchema(value, mode);
  }
  if (schema.nullable === true) {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** The outcome of validating one response body. */
export interface ResponseCheck {
  ok: boolean;
  /** Which schema judged it, e.g. `200 ClientValidationsValidateResponseBody` or `401 Error (not declared)`. */
  schema: string;
  /** The operation declares this status itself (false: judged against components.schemas.Error). */
  declared: boolean;
  errors: string;
}

/** Validates response bodies against the spec's response schemas. */
export interface ResponseValidator {
  spec: OpenApiSpec;
  operationId(method: string, path: string): string;
  check(method: string, path: string, status: number, body: unknown): ResponseCheck;
}

function describeSchema(schema: JsonObject | undefined): string {
  if (!schema) return '(none)';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? schema.$ref;
  return JSON.stringify(schema).slice(0, 80);
}

const formatErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 8)
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n');

/** Reads the spec and builds a validator; `mode` chooses how `oneOf` is read. */
export function createResponseValidator(mode: OneOfMode = 'any', spec: OpenApiSpec = readSpec()): ResponseValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const definitions = Object.fromEntries(Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, mode)]));
  ajv.addSchema({ $id: 'spec', definitions });
  const cache = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: JsonObject) => {
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, mode) as JsonObject);
      cache.set(key, validate);
    }
    return validate;
  };
  const operation = (method: string, path: string) => {
    const found = spec.paths[path]?.[method.toLowerCase()];
    if (!found) throw new Error(`${method} ${path} is not an operation of the spec`);
    return found;
  };
  return {
    spec,
    operationId: (method, path) => operation(method, path).operationId ?? `${method} ${path}`,
    check(method, path, status, body) {
      const responses = operation(method, path).responses ?? {};
      // A status declared without content (204): conforming means no body at all.
      if (responses[String(status)] && !responses[String(status)]?.content) {
        const ok = body === undefined;
        return { ok, schema: `${status} (no content)`, declared: true, errors: ok ? '' : `status ${status} declares no content, got a body` };
      }
      const declaredSchema = responses[String(status)]?.content?.['application/json']?.schema;
      const declared = declaredSchema !== undefined;
      if (!declared && status < 400) {
        return { ok: false, schema: `${status} (not declared)`, declared, errors: `status ${status} is not a documented response` };
      }
      const schema = declaredSchema ?? { $ref: '#/components/schemas/Error' };
      const validate = compile(`${method} ${path} ${status}`, schema);
      const ok = validate(body) === true;
      return {
        ok,
        schema: `${status} ${describeSchema(schema)}${declared ? '' : ' (not declared)'}`,
        declared,
        errors: ok ? '' : formatErrors(validate.errors),
      };
    },
  };
}

/** The parsed spec. */
export function readSpec(): OpenApiSpec {
  return JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiSpec;
}
