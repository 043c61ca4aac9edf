import type { SandboxRedemptionRecord, SandboxState } from '../types.js';

/** The fields GET /v1/redemptions filters on (`ParameterFiltersListRedemptions`). */
const fields = [
  'voucher_code',
  'related_object_id',
  'related_object_parent_id',
  'parent_redemption_id',
  'failure_code',
  'result',
  'object',
  'customer_id',
  'campaign_name',
  'user_login',
] as const;
type Field = (typeof fields)[number];

/** The operators of `FilterConditionsString`. */
const operators = ['$in', '$not_in', '$is', '$is_not', '$has_value', '$is_unknown', '$starts_with', '$ends_with', '$contains', '$not_contain'] as const;
type Operator = (typeof operators)[number];

/** One condition: `filters[voucher_code][conditions][$is]=SAVE10`. */
interface Condition {
  field: Field;
  operator: Operator;
  values: string[];
}

/** Parsed `filters`: the conditions and how they combine. */
export interface RedemptionFilters {
  conditions: Condition[];
  junction: 'and' | 'or';
}

const isField = (value: string): value is Field => (fields as readonly string[]).includes(value);
const isOperator = (value: string): value is Operator => (operators as readonly string[]).includes(value);

/**
 * Reads the deepObject `filters` of a query: `filters[<field>][conditions][<operator>]=value`, list operators
 * (`$in`, `$not_in`) repeated or indexed (`[$in][0]=a&[$in][1]=b`, `[$in][]=a`), and `filters[junction]=and|or`.
 * Returns a message naming the parameter when it is not one the spec documents.
 */
export function readRedemptionFilters(query: URLSearchParams): RedemptionFilters | string {
  const byKey = new Map<string, Condition>();
  let junction: 'and' | 'or' = 'and';
  for (const [name, value] of query) {
    if (!name.startsWith('filters[')) continue;
    const path = [...name.slice('filters'.length).matchAll(/\[([^[\]]*)\]/g)].map((match) => match[1] ?? '');
    if (path.join('').length + path.length * 2 !== name.length - 'filters'.length) return `${name} is not a valid filters parameter`;
    if (path.length === 1 && path[0] === 'junction') {
      if (value !== 'and' && value !== 'or') return `filters[junction] must be and or or, got ${JSON.stringify(value)}`;
      junction = value;
      continue;
    }
    const [field = '', conditions, operator = '', index] = path;
    if (!isField(field)) return `${name}: ${JSON.stringify(field)} is not a filter of GET /v1/redemptions`;
    if (conditions !== 'conditions' || !isOperator(operator) || path.length > 4) {
      return `${name} must be filters[${field}][conditions][<operator>] with one of ${operators.join(', ')}`;
    }
    const isList = operator === '$in' || operator === '$not_in';
    if (index !== undefined && !(isList && /^\d*$/.test(index))) return `${name}: only $in and $not_in take a list`;
    const key = `${field} ${operator}`;
    const condition = byKey.get(key) ?? { field, operator, values: [] };
    if (!isList) condition.values = [];
    condition.values.push(value);
    byKey.set(key, condition);
  }
  return { conditions: [...byKey.values()], junction };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A record's value of a filter field; rollbacks answer for the redemption they undo where the field is its. */
function valueOf(state: SandboxState, record: SandboxRedemptionRecord, field: Field): string | null {
  const voucher = record.voucher as { code?: unknown; campaign?: unknown; campaign_id?: unknown } | undefined;
  switch (field) {
    case 'voucher_code':
      return text(voucher?.code);
    case 'related_object_parent_id':
      return text(voucher?.campaign_id);
    case 'campaign_name':
      return text(voucher?.campaign);
    case 'parent_redemption_id': {
      if (record.object === 'redemption') return text(record.redemption);
      // A rollback's parent is the parent of the redemption it undoes (a child rollback: the stacked parent).
      const undone = typeof record.redemption === 'string' ? state.redemptions.get(record.redemption) : undefined;
      return text(undone?.redemption);
    }
    case 'user_login':
      // Only dashboard users have a login; the sandbox has no dashboard.
      return null;
    default:
      return text(record[field]);
  }
}

function holds(condition: Condition, value: string | null): boolean {
  const [first = ''] = condition.values;
  switch (condition.operator) {
    case '$is':
      return value === first;
    case '$is_not':
      return value !== first;
    case '$in':
      return value !== null && condition.values.includes(value);
    case '$not_in':
      return value === null || !condition.values.includes(value);
    case '$has_value':
      return value !== null && value !== '';
    case '$is_unknown':
      return value === null || value === '';
    case '$starts_with':
      return value !== null && value.startsWith(first);
    case '$ends_with':
      return value !== null && value.endsWith(first);
    case '$contains':
      return value !== null && value.includes(first);
    case '$not_contain':
      return value === null || !value.includes(first);
  }
}

/** Whether a stored redemption or rollback passes the filters (all of them, or any with `junction` or). */
export function matchesFilters(state: SandboxState, record: SandboxRedemptionRecord, filters: RedemptionFilters): boolean {
  if (filters.conditions.length === 0) return true;
  const results = filters.conditions.map((condition) => holds(condition, valueOf(state, record, condition.field)));
  return filters.junction === 'or' ? results.some(Boolean) : results.every(Boolean);
}
