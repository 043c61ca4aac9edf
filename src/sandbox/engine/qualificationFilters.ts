import type { SandboxCategory } from '../types.js';

/** What a qualification filter looks at in one candidate. */
export interface FilterSubject {
  id: string;
  object: 'voucher' | 'promotion_tier';
  campaignId: string | undefined;
  categories: readonly SandboxCategory[];
}

/** A parsed `options.filters`: whether a candidate is kept. */
export type QualificationFilter = (subject: FilterSubject) => boolean;

const FIELDS = {
  resource_type: (subject: FilterSubject) => [subject.object],
  campaign_id: (subject: FilterSubject) => (subject.campaignId ? [subject.campaignId] : []),
  resource_id: (subject: FilterSubject) => [subject.id],
  category_id: (subject: FilterSubject) => subject.categories.map((category) => category.id),
} as const;
const OPERATORS = new Set(['$is', '$in', '$is_not', '$not_in']);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why a filter is refused: the 400's key and details. */
export interface FilterProblem {
  key: 'invalid_payload' | 'filter_not_supported';
  details: string;
}

/**
 * Reads `options.filters`: `resource_type`, `campaign_id`, `resource_id` and `category_id`, each
 * `{ conditions: { $is | $in | $is_not | $not_in: [...] } }`, joined by `junction` (`and`, the default, or `or`).
 * The spec's other filters (campaign_type, voucher_type, code, holder_role, $has_value, $is_unknown) are the
 * sandbox's limit: 400 `filter_not_supported`, never silently ignored.
 *
 * @example
 * const keep = readQualificationFilters({ resource_type: { conditions: { $in: ['promotion_tier'] } } })
 */
export function readQualificationFilters(input: unknown): QualificationFilter | FilterProblem {
  if (input === undefined || input === null) return () => true;
  if (!isObject(input)) return { key: 'invalid_payload', details: 'options.filters must be an object' };
  const junction = input.junction ?? 'and';
  if (junction !== 'and' && junction !== 'or') return { key: 'invalid_payload', details: 'options.filters.junction must be "and" or "or"' };
  const tests: QualificationFilter[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (field === 'junction') continue;
    if (!Object.hasOwn(FIELDS, field)) {
      return { key: 'filter_not_supported', details: `options.filters.${field} is not served by the sandbox; it filters by ${Object.keys(FIELDS).join(', ')}` };
    }
    const conditions = isObject(value) ? value.conditions : undefined;
    if (!isObject(conditions)) return { key: 'invalid_payload', details: `options.filters.${field} must be { conditions: { $in: [...] } }` };
    const read = FIELDS[field as keyof typeof FIELDS];
    for (const [operator, list] of Object.entries(conditions)) {
      if (!OPERATORS.has(operator))
        return {
          key: 'filter_not_supported',
          details: `options.filters.${field}.conditions.${operator} is not served by the sandbox; use $is, $in, $is_not or $not_in`,
        };
      if (!Array.isArray(list)) return { key: 'invalid_payload', details: `options.filters.${field}.conditions.${operator} must be an array` };
      const negated = operator === '$is_not' || operator === '$not_in';
      tests.push((subject) => read(subject).some((item) => list.includes(item)) !== negated);
    }
  }
  if (tests.length === 0) return () => true;
  return junction === 'and' ? (subject) => tests.every((test) => test(subject)) : (subject) => tests.some((test) => test(subject));
}
