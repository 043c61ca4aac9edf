import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTracker, createVoucherifyClient, type CookieStore, type ValidationResult, type VoucherifyError } from 'voucherkit/core';
import { eventResponseSchema, legacyValidationSchema, stackableValidationSchema } from 'voucherkit/schemas';
// The transport and the folding of answers have no public name: the private module, by relative path.
import {
  call,
  decodeLegacyValidation,
  decodeStackableValidation,
  fromLegacyValidation,
  fromStackableValidation,
  type TransportConfig,
} from '../../src/core/internal.js';
import { errors, events, validations, type InvalidExpectation, type ValidExpectation } from './exampleExpectations.js';
import { rejection as rejectionOf } from '../support/rejection.js';

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

const id = (example: Example) => `${example.operation} ${example.status} ${example.name}`;
const isStackable = (operation: string) => operation.endsWith('/validations');

function fold(example: Example): ValidationResult {
  if (isStackable(example.operation)) {
    const response = stackableValidationSchema.parse(example.value);
    // A result's codes are the codes its request asked for (tiers are not codes): the request that got this answer
    // asked for its voucher entries, in their order.
    const entries = [...response.redeemables, ...(response.inapplicable_redeemables ?? []), ...(response.skipped_redeemables ?? [])];
    return fromStackableValidation(
      response,
      entries.filter((entry) => entry.object === 'voucher').map((entry) => entry.id),
    );
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

/** Sends the example's operation through the real transport, so a 400 becomes a VoucherifyError. */
async function send(example: Example): Promise<{ error: VoucherifyError; path: string }> {
  const { fetch, requests } = serve(example);
  const client = createVoucherifyClient({ ...keys, fetch });
  const config: TransportConfig = { baseUrl: 'https://api.voucherify.io', headers: {}, fetch, timeoutMs: 5000 };
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
      pending = call(config, { method: 'POST', path: '/v1/validations', body: {}, decode: decodeStackableValidation, retry: 'safe' });
      break;
    case 'POST /v1/vouchers/{code}/validate':
      pending = call(config, { method: 'POST', path: '/v1/vouchers/SAVE10/validate', body: {}, decode: decodeLegacyValidation, retry: 'safe' });
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
