import { newId } from './ids.js';
import { resolveIdentity } from './trackingIds.js';
import type { SandboxCustomer, SandboxState } from '../types.js';

const profileFields = ['name', 'email', 'phone', 'birthdate', 'description', 'address'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The customer named by a Voucherify id or a source id. A source id given as a tracking id (or as the raw
 * identity behind one) finds the same customer: Voucherify accepts both forms for one person.
 */
export function findCustomer(state: SandboxState, idOrSourceId: string): SandboxCustomer | undefined {
  const byId = state.customers.get(idOrSourceId);
  if (byId) return byId;
  const customers = [...state.customers.values()];
  const exact = customers.find((customer) => customer.source_id === idOrSourceId);
  if (exact) return exact;
  const identity = resolveIdentity(state, idOrSourceId);
  return customers.find((customer) => customer.source_id !== null && resolveIdentity(state, customer.source_id) === identity);
}

/** Copies the profile fields present in `input` onto `customer`; absent fields are left unchanged. */
function applyProfile(customer: SandboxCustomer, input: Record<string, unknown>): void {
  for (const field of profileFields) {
    if (field in input) (customer as unknown as Record<string, unknown>)[field] = input[field] ?? null;
  }
  if (isObject(input.metadata)) customer.metadata = { ...customer.metadata, ...input.metadata };
}

/**
 * Creates or updates a customer from a Voucherify customer object: by `id` when it exists, else by `source_id`.
 * Returns undefined when the object names no one (no id, no source id).
 */
export function upsertCustomer(state: SandboxState, input: Record<string, unknown>, now: number): SandboxCustomer | undefined {
  const id = typeof input.id === 'string' ? input.id : undefined;
  const sourceId = typeof input.source_id === 'string' && input.source_id !== '' ? input.source_id : undefined;
  const existing = (id ? state.customers.get(id) : undefined) ?? (sourceId ? findCustomer(state, sourceId) : undefined);
  const date = new Date(now).toISOString();
  if (existing) {
    applyProfile(existing, input);
    existing.updated_at = date;
    return existing;
  }
  if (!sourceId && !profileFields.some((field) => field in input)) return undefined;
  const customer: SandboxCustomer = {
    id: newId('cust'),
    source_id: sourceId ?? null,
    metadata: {},
    created_at: date,
    updated_at: null,
    redemptions: { total_redeemed: 0, total_failed: 0, total_succeeded: 0, total_rolled_back: 0 },
  };
  applyProfile(customer, input);
  state.customers.set(customer.id, customer);
  return customer;
}

/** Updates the profile of an existing customer (PUT semantics: fields not sent stay as they are). */
export function updateCustomer(customer: SandboxCustomer, input: Record<string, unknown>, now: number): SandboxCustomer {
  applyProfile(customer, input);
  customer.updated_at = new Date(now).toISOString();
  return customer;
}

/** The `SimpleCustomer` embedded in redemptions and events. */
export function toSimpleCustomer(customer: SandboxCustomer | undefined): Record<string, unknown> {
  if (!customer) return {};
  return {
    id: customer.id,
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.source_id ? { source_id: customer.source_id } : {}),
    metadata: customer.metadata,
    object: 'customer',
  };
}

/**
 * The full customer (`CustomerWithSummaryLoyaltyReferrals`) that the customers endpoints answer with. As the spec's
 * get-customer example (a customer made without them): `address` is always there, `null` when none was given, and
 * `metadata` only once some was set — the official SDK's tests compare these keys. Unset text fields are left out,
 * as there. The customer inside a redemption is `toSimpleCustomer`, whose examples keep `metadata: {}`.
 */
export function toCustomerResponse(customer: SandboxCustomer): Record<string, unknown> {
  const profile = Object.fromEntries(profileFields.filter((field) => field !== 'address' && customer[field] != null).map((field) => [field, customer[field]]));
  return {
    id: customer.id,
    source_id: customer.source_id,
    ...profile,
    address: customer.address ?? null,
    ...(Object.keys(customer.metadata).length > 0 ? { metadata: customer.metadata } : {}),
    summary: {
      redemptions: {
        ...customer.redemptions,
        total_rollback_failed: 0,
        total_rollback_succeeded: customer.redemptions.total_rolled_back,
        gift: { redeemed_amount: 0, amount_to_go: 0 },
        loyalty_card: { redeemed_points: 0, points_to_go: 0 },
      },
      orders: { total_amount: 0, total_count: 0, average_amount: 0, last_order_amount: 0 },
    },
    loyalty: { points: 0, referred_customers: 0, campaigns: {} },
    referrals: { total: 0, campaigns: [] },
    system_metadata: {},
    created_at: customer.created_at,
    ...(customer.updated_at ? { updated_at: customer.updated_at } : {}),
    assets: {},
    object: 'customer',
  };
}
