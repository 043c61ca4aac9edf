/**
 * One path parameter as a percent-encoded segment, or a TypeError naming the parameter. `encodeURIComponent`
 * keeps `/ + = ? #` inside the segment but leaves `.` alone, and URL resolution reads a `.` or `..` segment as
 * "this folder" / "up one" (`/v1/customers/..` is `/v1/`), so those and empty ids are refused before any call.
 *
 * @example
 * `/v1/customers/${pathSegment('customers.get(idOrSourceId)', 'track_a/b+c==')}` // '/v1/customers/track_a%2Fb%2Bc%3D%3D'
 */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, got ${value === '' || typeof value === 'string' ? JSON.stringify(value) : typeof value}`);
  }
  if (value === '.' || value === '..') {
    throw new TypeError(`${name} cannot be ${JSON.stringify(value)}: it would leave its URL path segment`);
  }
  try {
    return encodeURIComponent(value);
  } catch (cause) {
    // A lone surrogate (half an emoji) has no UTF-8 form: URIError otherwise.
    throw new TypeError(`${name} is not well-formed Unicode`, { cause });
  }
}
