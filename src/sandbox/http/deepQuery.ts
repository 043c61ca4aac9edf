const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses an OpenAPI `deepObject` query (`item[0][price]=100&customer[source_id]=ada`) into nested objects.
 * Numeric-looking segments of `item` become array indexes; values stay strings.
 */
export function parseDeepQuery(query: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    if (!match) continue;
    const path = [match[1] ?? '', ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
    if (path.some((segment) => unsafeKeys.has(segment))) continue;
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (next === null || typeof next !== 'object') node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return root;
}

/** The values of an index-keyed object (`{ '0': …, '1': … }`) in index order. */
export function indexedValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => /^\d+$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, item]) => item);
}

/** A query value as an integer, or the value unchanged when it is not one (so validation can reject it). */
export function toInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}
