// Every example response in Voucherify's OpenAPI description (read from outside the repo, never copied in),
// and fast-check mutations of them: the raw material of the response-parser fuzz tests.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const specPath = process.env.VOUCHERIFY_OPENAPI ?? fileURLToPath(new URL('../../../shared/voucherify-api/openapi-subset.json', import.meta.url));
export const hasSpec = existsSync(specPath);

export interface SpecExample {
  operation: string;
  status: number;
  name: string;
  value: unknown;
}

type Media = { examples?: Record<string, { value?: unknown }>; example?: unknown };
type Operation = { responses?: Record<string, { content?: Record<string, Media> }> };

/** Every response example of every operation, with its documented status. */
export function loadSpecExamples(): SpecExample[] {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  const examples: SpecExample[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) {
          const operationName = `${method.toUpperCase()} ${path}`;
          const numeric = Number(status) || 200;
          for (const [name, example] of Object.entries(media.examples ?? {})) {
            examples.push({ operation: operationName, status: numeric, name, value: example.value });
          }
          if (media.example !== undefined) examples.push({ operation: operationName, status: numeric, name: 'example', value: media.example });
        }
      }
    }
  }
  return examples;
}

// JSON cannot spell Infinity; `1e999` parses to it. These stand-ins are swapped for that text when serialising.
const INFINITY = '\u0000+inf\u0000';
const MINUS_INFINITY = '\u0000-inf\u0000';

type Json = unknown;
type Path = Array<string | number>;

function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...at, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  return out;
}

/**
 * A value that breaks a field: wrong type, null, empty, huge, or out of range. Objects and arrays are written as
 * JSON text and parsed afresh for every mutation: a shared instance could be inserted into itself by a later
 * mutation (a circle), or changed for every later run. JSON.parse makes `"__proto__"` an own property, which is
 * the hostile body the parsers must survive.
 */
const fresh = (...texts: string[]): fc.Arbitrary<Json> => fc.constantFrom(...texts).map((text) => JSON.parse(text) as Json);
const breaking: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('', 'x'.repeat(100_000), '\u0000', '<img src=x onerror=alert(1)>', '__proto__', 'NaN', '-1', '1e999'),
  fc.constantFrom(0, -0, -1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, INFINITY, MINUS_INFINITY),
  fc.boolean(),
  fresh('[]', '{}', '[null]', '{"constructor":{"prototype":1}}', '{"__proto__":{"valid":true}}', '{"__proto__":null,"constructor":{"prototype":1}}'),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => structuredClone(value)),
);

type Mutation = { at: number; op: 'drop' | 'replace' | 'wrap' | 'clear'; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('drop', 'replace', 'replace', 'wrap', 'clear'),
  value: breaking,
});

function apply(root: Json, { at, op, value }: Mutation): Json {
  const all = paths(root);
  const path = all[at % all.length]!;
  // A copy, even of a fresh value: fast-check replays a mutation while shrinking, and each body owns its nodes.
  const replaceWith = (old: Json): Json =>
    op === 'wrap' ? [old] : op === 'clear' ? (Array.isArray(old) ? [] : old && typeof old === 'object' ? {} : null) : structuredClone(value);
  if (path.length === 0) return op === 'drop' ? null : replaceWith(root);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (op === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    // Defined, not assigned: `parent.__proto__ = …` would set a prototype instead of the own key under test.
    Object.defineProperty(parent, key, { value: replaceWith(parent[key]), enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/**
 * One example, as is or mutated up to four times (fields dropped, retyped, nulled, emptied, made huge), with a
 * status: mostly its documented one, else any. Examples of the operations in `own` come four times as often,
 * so the parsers' success paths are walked too, not only their first rejection.
 */
export function mutatedExample(examples: SpecExample[], own: readonly string[] = []) {
  const mine = examples.filter((example) => own.includes(example.operation));
  const pick = (pool: SpecExample[]) => fc.nat({ max: pool.length - 1 }).map((index) => pool[index]!);
  const example = mine.length > 0 ? fc.oneof({ arbitrary: pick(mine), weight: 4 }, { arbitrary: pick(examples), weight: 1 }) : pick(examples);
  return fc
    .record({ example, mutations: fc.array(mutation, { maxLength: 4 }) })
    .chain(({ example, mutations }) =>
      fc
        .oneof({ arbitrary: fc.constant(example.status), weight: 3 }, fc.constantFrom(200, 201, 400, 404, 429, 500))
        .map((status) => ({ example, mutations, status })),
    )
    .map(({ example, mutations, status }) => {
      const value = mutations.reduce<Json>((json, step) => apply(json, step), structuredClone(example.value));
      const body = (JSON.stringify(value) ?? 'null').replaceAll(JSON.stringify(INFINITY), '1e999').replaceAll(JSON.stringify(MINUS_INFINITY), '-1e999');
      return { example, body, status };
    });
}
