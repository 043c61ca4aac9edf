import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  call,
  createTracker,
  createVoucherifyClient,
  eventResponseSchema,
  fromLegacyValidation,
  fromStackableValidation,
  isVoucherifyError,
  legacyValidationSchema,
  stackableValidationSchema,
  type CookieStore,
  type OrderTotals,
  type TransportConfig,
  type ValidationResult,
  type VoucherifyError,
} from 'voucherkit/core';

// Every example response of the validation, validate and events operations in Voucherify's own OpenAPI
// description must parse into the right result. The spec is read from outside the repo, never copied in.
const specPath = process.env.VOUCHERIFY_OPENAPI ?? fileURLToPath(new URL('../../../shared/voucherify-api/openapi-subset.json', import.meta.url));
const hasSpec = existsSync(specPath);
const skipReason = `openapi-subset.json not found at ${specPath} (set VOUCHERIFY_OPENAPI to its path)`;

if (!hasSpec && process.env.CI) {
  it('finds openapi-subset.json (required in CI)', () => {
    throw new Error(skipReason);
  });
} else if (!hasSpec) {
  console.warn(`[conformance] skipped: ${skipReason}`);
}

interface Example {
  operation: string;
  status: string;
  name: string;
  value: unknown;
}

const OPERATIONS = [
  ['post', '/client/v1/validations'],
  ['post', '/v1/validations'],
  ['get', '/client/v1/validate'],
  ['post', '/v1/vouchers/{code}/validate'],
  ['post', '/client/v1/events'],
] as const;

function loadExamples(): Example[] {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> }> }>>;
  };
  const examples: Example[] = [];
  for (const [method, path] of OPERATIONS) {
    const operation = spec.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is missing from the spec`);
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      for (const media of Object.values(response.content ?? {})) {
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          examples.push({ operation: `${method.toUpperCase()} ${path}`, status, name, value: example.value });
        }
      }
    }
  }
  return examples;
}

type Totals = Partial<OrderTotals> | null;
interface ValidExpectation {
  valid: true;
  code: string;
  trackingId: string | null;
  discount: string | null; // discount type, or null (gift / loyalty)
  order: Totals;
  extra?: (result: Extract<ValidationResult, { valid: true }>) => void;
}
interface InvalidExpectation {
  valid: false;
  code: string;
  trackingId: string | null;
  key: string;
  message?: string;
  customMessage?: string;
}

const GIFT_OWNER = 'Only the gift card owner can apply credits from the gift card to the order.';
const T_DISCOUNT = 'track_rynPcKGW2z7+kd2Vry4p12+Rx2NtyXZyiApdGWEXPrdX+44Fg6LRBQ==';
const T_LOYALTY = 'track_Mcg5qK0jIStHAopLoM+nM6ua9crMFQrLt+qSe2YCbmTrTT8932kSlg==';
const T_EARLY = 'track_4Wb/eeza4PDXKElxYR/QtlDQOVFpY9mP';

// Written by hand from the examples, so the test checks the folding rather than repeating it.
const validations: Record<string, ValidExpectation | InvalidExpectation> = {
  'POST /v1/validations 200 False': { valid: false, code: 'eee33463', trackingId: 'track_VAVW6qltuo1/z+G2GI2LPw==', key: 'not_found', message: 'Resource not found' },
  'POST /v1/validations 200 True - 5 Redeemables': {
    valid: true,
    code: 'GNcuPKGe',
    trackingId: 'track_9B0kB92+bJa8a+PegaWREw==',
    discount: 'AMOUNT',
    order: { amount: 2700, discountAmount: 490, itemsDiscountAmount: 1700, totalDiscountAmount: 2190, totalAmount: 510, totalAppliedDiscountAmount: 2190 },
    extra: (result) => {
      expect(result.codes).toHaveLength(5);
      expect(result.redeemables.map((r) => r.status)).toEqual(Array(5).fill('APPLICABLE'));
      expect(result.redeemables.map((r) => r.object)).toEqual(['voucher', 'voucher', 'voucher', 'promotion_tier', 'promotion_tier']);
      expect(result.redeemables[0]?.discountAmount).toBe(1700);
      expect(result.redeemables[1]?.loyaltyPoints).toBe(4);
      expect(result.redeemables[2]?.gift).toEqual({ balance: undefined, credits: 100 });
      expect(result.redeemables[3]?.discount).toMatchObject({ type: 'PERCENT', percent_off: 40 });
      expect(result.redeemables[4]?.discountAmount).toBe(30);
    },
  },
  'GET /client/v1/validate 200 Wrong customer': {
    valid: false,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: 'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+o',
    key: 'customer_rules_violated',
    message: 'customer does not match validation rules',
    customMessage: GIFT_OWNER,
  },
  'GET /client/v1/validate 200 Validation Rule Not Satisfied': {
    valid: false,
    code: 'PAYINEUROS',
    trackingId: 'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+oychk',
    key: 'redemption_rules_violated',
    message: 'redemption does not match validation rules',
  },
  'GET /client/v1/validate 200 Validate Discount Coupon': {
    valid: true,
    code: 'PAYINEUROS',
    trackingId: T_DISCOUNT,
    discount: 'AMOUNT',
    order: { amount: 13000, discountAmount: 1000, totalDiscountAmount: 1000, totalAmount: 12000, appliedDiscountAmount: 1000 },
  },
  'GET /client/v1/validate 200 Validate Loyalty Card': {
    valid: true,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 121700, totalDiscountAmount: 5000, totalAmount: 116700 },
    extra: (result) => expect(result.redeemables[0]?.loyaltyPoints).toBe(1000),
  },
  'GET /client/v1/validate 200 Validate Gift Card': {
    valid: true,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 165700, totalDiscountAmount: 21500, totalAmount: 144200 },
    extra: (result) => expect(result.gift?.balance).toBe(21500),
  },
  'GET /client/v1/validate 200 Validate Referral Code': {
    valid: true,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: 'track_p6hPsnZj2VSvyXDjH9o6aQ==',
    discount: 'PERCENT',
    order: { amount: 10000, totalDiscountAmount: 3000, totalAmount: 7000 },
  },
  'POST /v1/vouchers/{code}/validate 200 False': { valid: false, code: 'vBQvYFEM', trackingId: 'track_ZGPtmYcM+Mw=', key: 'redemption_rules_violated' },
  'POST /v1/vouchers/{code}/validate 200 Free Shipping': {
    valid: true,
    code: 'Test - Discount - Free Shipping',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 4300, totalDiscountAmount: 0, totalAmount: 4300 },
    extra: (result) => expect(result.discount).toMatchObject({ unit_off: 1, unit_type: 'prod_5h1pp1ng' }),
  },
  'POST /v1/vouchers/{code}/validate 200 Multiple Product Varients': {
    valid: true,
    code: 'Test - Discount - Unit - Multiple - Product Variants',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 237300, totalDiscountAmount: 217700, totalAmount: 19600 },
    extra: (result) => expect(result.discount?.type === 'UNIT' && result.discount.units?.map((u) => u.unit_off)).toEqual([3, 4]),
  },
  'POST /v1/vouchers/{code}/validate 200 Unit - Add order items': {
    valid: true,
    code: 'Test - Discount - Unit - Add new order items',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 117700, totalDiscountAmount: 98100, totalAmount: 19600 },
  },
  'POST /v1/vouchers/{code}/validate 200 Fixed': {
    valid: true,
    code: 'SPENDMOREGETMORE-DaIXFJvn',
    trackingId: T_DISCOUNT,
    discount: 'FIXED',
    order: { amount: 46500, itemsDiscountAmount: 9300, totalDiscountAmount: 9300, totalAmount: 37200 },
  },
  'POST /v1/vouchers/{code}/validate 200 Voucher expired': { valid: false, code: 'EarlyBird-tB6zCApA', trackingId: T_EARLY, key: 'voucher_expired' },
  'POST /v1/vouchers/{code}/validate 200 Percentage': {
    valid: true,
    code: 'EarlyBird-tB6zCApA',
    trackingId: T_EARLY,
    discount: 'PERCENT',
    order: { amount: 46500, totalDiscountAmount: 4650, totalAmount: 41850 },
  },
  'POST /v1/vouchers/{code}/validate 200 Amount': {
    valid: true,
    code: 'PAYINEUROS',
    trackingId: T_EARLY,
    discount: 'AMOUNT',
    order: { amount: 46500, totalDiscountAmount: 1000, totalAmount: 45500 },
  },
  'POST /v1/vouchers/{code}/validate 200 Loyalty points exceeded': {
    valid: false,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    key: 'loyalty_card_points_exceeded',
  },
  'POST /v1/vouchers/{code}/validate 200 Loyalty Card': {
    valid: true,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 14500, totalDiscountAmount: 50, totalAmount: 14450 },
    extra: (result) => expect(result.redeemables[0]?.loyaltyPoints).toBe(10),
  },
  'POST /v1/vouchers/{code}/validate 200 Voucher disabled': { valid: false, code: 'GIFT-CARD-kW4aEsfB', trackingId: T_LOYALTY, key: 'voucher_disabled' },
  'POST /v1/vouchers/{code}/validate 200 Gift Card': {
    valid: true,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 1000, totalDiscountAmount: 2, totalAmount: 998 },
    extra: (result) => expect(result.gift).toEqual({ balance: 21500, credits: undefined }),
  },
  'POST /v1/vouchers/{code}/validate 200 Cannot be redeemed by referrer': {
    valid: false,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: T_LOYALTY,
    key: 'referrer_not_permitted_to_redeem',
  },
  'POST /v1/vouchers/{code}/validate 200 Referral Code': {
    valid: true,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: 'track_p6hPsnZj2VSvyXDjH9o6aQ==',
    discount: 'PERCENT',
    order: { amount: 20000, totalDiscountAmount: 6000, totalAmount: 14000 },
  },
};

const errors: Record<string, { key: string; customMessage?: string }> = {
  'POST /client/v1/validations 400 Invalid payload': { key: 'invalid_payload' },
  'POST /client/v1/validations 400 Duplicated Redeemables': { key: 'duplicated_redeemables' },
  'POST /client/v1/validations 400 Invalid Redeemables': { key: 'invalid_redeemables' },
  'POST /v1/validations 400 Invalid payload': { key: 'invalid_payload' },
  'POST /v1/validations 400 Duplicated Redeemables': { key: 'duplicated_redeemables' },
  'POST /v1/validations 400 Invalid Redeemables': { key: 'invalid_redeemables' },
  'GET /client/v1/validate 400 Missing customer': { key: 'missing_customer' },
  'GET /client/v1/validate 400 Ambiguous tracking ID': { key: 'ambiguous_tracking_id' },
  'POST /v1/vouchers/{code}/validate 400 Missing reward': { key: 'missing_reward', customMessage: 'Missing reward = please add one.' },
  'POST /v1/vouchers/{code}/validate 400 Missing Parameter': { key: 'missing_order_items_amount', customMessage: 'Request should contain an amount for the item.' },
  'POST /v1/vouchers/{code}/validate 400 Metadata Validation Failed': { key: 'metadata_validation_failed' },
  'POST /client/v1/events 400 Invalid payload': { key: 'invalid_payload' },
};

const events: Record<string, { type: string; sourceId: string }> = {
  'POST /client/v1/events 200 Example': { type: 'cart_abandoned', sourceId: 'source_customer_event' },
};

const id = (example: Example) => `${example.operation} ${example.status} ${example.name}`;
const isStackable = (operation: string) => operation.endsWith('/validations');

function fold(example: Example): ValidationResult {
  if (isStackable(example.operation)) {
    return fromStackableValidation(stackableValidationSchema.parse(example.value), []);
  }
  return fromLegacyValidation(legacyValidationSchema.parse(example.value), 'REQUESTED-CODE');
}

function checkResult(result: ValidationResult, expected: ValidExpectation | InvalidExpectation) {
  expect(result.valid).toBe(expected.valid);
  expect(result.code).toBe(expected.code);
  expect(result.trackingId).toBe(expected.trackingId);
  if (expected.valid && result.valid) {
    expect(result.discount?.type ?? null).toBe(expected.discount);
    if (expected.order) expect(result.order).toMatchObject(expected.order);
    else expect(result.order).toBeNull();
    // The server's totals are consistent however they were derived.
    if (result.order) expect(result.order.totalAmount).toBe(result.order.amount - result.order.totalDiscountAmount);
    expected.extra?.(result);
  } else if (!expected.valid && !result.valid) {
    expect(result.rejection.key).toBe(expected.key);
    expect(result.rejection.message).toBeTruthy();
    if (expected.message) expect(result.rejection.message).toBe(expected.message);
    expect(result.rejection.customMessage).toBe(expected.customMessage);
  }
}

/** A fetch that answers every call with the example, with its documented status. */
function serve(example: Example) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(example.value), { status: Number(example.status), headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const keys = { clientApplicationId: 'client-app-id', clientToken: 'client-token', retry: false as const };
const noStore: CookieStore = { read: () => null, write: () => undefined, remove: () => undefined };

async function rejectionOf(promise: Promise<unknown>): Promise<VoucherifyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isVoucherifyError(error)).toBe(true);
  return error as VoucherifyError;
}

/** Sends the example's operation through the real transport, so a 400 becomes a VoucherifyError. */
async function send(example: Example): Promise<{ error: VoucherifyError; path: string }> {
  const { fetch, requests } = serve(example);
  const client = createVoucherifyClient({ ...keys, fetch });
  const config: TransportConfig = { baseUrl: 'https://api.voucherify.io', headers: {}, fetch, timeoutMs: 5000, retry: false };
  let pending: Promise<unknown>;
  switch (example.operation) {
    case 'POST /client/v1/validations':
      pending = client.validate({ code: 'SAVE10' });
      break;
    case 'GET /client/v1/validate':
      pending = client.validateVoucher('SAVE10');
      break;
    case 'POST /client/v1/events':
      pending = client.track('cart_abandoned', { customer: { source_id: 'c1' } });
      break;
    case 'POST /v1/validations':
      pending = call(config, { method: 'POST', path: '/v1/validations', body: {}, schema: stackableValidationSchema, idempotent: true });
      break;
    case 'POST /v1/vouchers/{code}/validate':
      pending = call(config, { method: 'POST', path: '/v1/vouchers/SAVE10/validate', body: {}, schema: legacyValidationSchema, idempotent: true });
      break;
    default:
      throw new Error(`no transport route for ${example.operation}`);
  }
  const error = await rejectionOf(pending);
  return { error, path: new URL(requests[0]?.url ?? 'about:blank').pathname };
}

describe.skipIf(!hasSpec)(`openapi-subset.json examples${hasSpec ? '' : ` (skipped: ${skipReason})`}`, () => {
  const examples = hasSpec ? loadExamples() : [];
  const expectations = { ...validations, ...errors, ...events };

  it('every example has an expectation here, and every expectation matches an example', () => {
    expect(examples.length).toBeGreaterThanOrEqual(Object.keys(expectations).length);
    expect(examples.map(id).sort()).toEqual(Object.keys(expectations).sort());
  });

  describe('200 validation examples fold into the right ValidationResult', () => {
    const cases = examples.filter((e) => e.status === '200' && !e.operation.endsWith('/events'));
    it.each(cases.map((e) => [id(e), e] as const))('%s', (name, example) => {
      const expected = validations[name];
      if (!expected) throw new Error(`no expectation for ${name}`);
      checkResult(fold(example), expected);
    });
  });

  describe('client-side 200 examples also go through createVoucherifyClient, and the tracking id is adopted', () => {
    const cases = examples.filter((e) => e.status === '200' && e.operation === 'GET /client/v1/validate');
    it.each(cases.map((e) => [id(e), e] as const))('%s', async (name, example) => {
      const expected = validations[name];
      if (!expected) throw new Error(`no expectation for ${name}`);
      const { fetch } = serve(example);
      const tracker = createTracker({ store: noStore });
      const result = await createVoucherifyClient({ ...keys, fetch, tracker }).validateVoucher('REQUESTED-CODE');
      checkResult(result, expected);
      expect(tracker.getSnapshot().trackingId).toBe(expected.trackingId);
    });
  });

  describe('200 event examples parse with the event schema', () => {
    const cases = examples.filter((e) => e.status === '200' && e.operation.endsWith('/events'));
    it.each(cases.map((e) => [id(e), e] as const))('%s', async (name, example) => {
      const expected = events[name];
      if (!expected) throw new Error(`no expectation for ${name}`);
      expect(eventResponseSchema.parse(example.value)).toMatchObject({ object: 'event', type: expected.type, customer: { source_id: expected.sourceId } });
      const { fetch } = serve(example);
      const echoed = await createVoucherifyClient({ ...keys, fetch }).track(expected.type, { customer: { source_id: expected.sourceId } });
      expect(echoed).toMatchObject({ object: 'event', type: expected.type });
    });
  });

  describe('400 examples become a VoucherifyError with the right key through the transport', () => {
    const cases = examples.filter((e) => e.status === '400');
    it.each(cases.map((e) => [id(e), e] as const))('%s', async (name, example) => {
      const expected = errors[name];
      if (!expected) throw new Error(`no expectation for ${name}`);
      const { error, path } = await send(example);
      const body = example.value as { message: string; details?: string; request_id?: string };
      expect(path).toBe(example.operation.split(' ')[1]?.replace('{code}', 'SAVE10'));
      expect(error).toMatchObject({
        kind: 'api',
        status: 400,
        key: expected.key,
        message: body.message,
        details: body.details,
        requestId: body.request_id,
        customMessage: expected.customMessage,
      });
    });
  });
});
