import { errorResponse, invalidPayload } from '../http/responses.js';

/** What a publication names: one voucher by its code, or `count` codes of a campaign (by name or id). */
export type PublicationTarget = { kind: 'voucher'; code: string } | { kind: 'campaign'; campaign: string; count: number };

/** A publication request, checked. */
export interface PublicationRequest {
  target: PublicationTarget;
  /** The customer object as sent; it names someone by `id` or `source_id`. */
  customer: Record<string, unknown>;
  /** The merchant's publication id; with it, one voucher only. */
  sourceId: string | null;
  metadata: Record<string, unknown>;
  channel: string;
  /** The `join_once` query parameter: a repeat for the same customer and campaign answers the first publication. */
  joinOnce: boolean;
}

/** The spec's `CreatePublicationCampaign.count` bounds. */
export const MAX_PUBLICATION_COUNT = 50;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function readTarget(body: Record<string, unknown>): PublicationTarget | Response {
  // The spec's "Specific Voucher" example names the campaign too: the voucher is what gets published.
  if (body.voucher !== undefined) {
    if (!nonEmpty(body.voucher)) return invalidPayload('voucher must be a voucher code');
    return { kind: 'voucher', code: body.voucher };
  }
  // The spec's "Example 3" sends the campaign's name as a string.
  if (nonEmpty(body.campaign)) return { kind: 'campaign', campaign: body.campaign, count: 1 };
  if (isObject(body.campaign)) {
    const name = body.campaign.name ?? body.campaign.id;
    if (!nonEmpty(name)) return invalidPayload('campaign.name must be the campaign name or id');
    const count = body.campaign.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_PUBLICATION_COUNT) {
      return invalidPayload(`campaign.count must be an integer from 1 to ${MAX_PUBLICATION_COUNT}, got ${JSON.stringify(count)}`);
    }
    return { kind: 'campaign', campaign: name, count };
  }
  if (body.campaign !== undefined && body.campaign !== null) return invalidPayload('campaign must be a name or { name, count? }');
  return errorResponse({ code: 400, key: 'missing_vouchers', message: 'Missing vouchers', details: 'Either Campaign or Voucher is required' });
}

/**
 * Reads a `POST /v1/publications` (or `/client/v1/publish`) request: the body forms `{ voucher }`,
 * `{ campaign: { name, count? } }` and `{ campaign: 'name' }`, a `customer` naming someone, optional `source_id`
 * (then one voucher), `metadata` and `channel`, and the `join_once` query parameter. A misfit is a 400 naming the field.
 */
export function readPublicationRequest(body: Record<string, unknown> | null | undefined, query: URLSearchParams): PublicationRequest | Response {
  if (!body) return invalidPayload('The request body must be a JSON object');
  const joinOnce = query.get('join_once');
  if (joinOnce !== null && joinOnce !== 'true' && joinOnce !== 'false') return invalidPayload('join_once must be true or false');
  if (!isObject(body.customer) || !(nonEmpty(body.customer.id) || nonEmpty(body.customer.source_id))) {
    return invalidPayload('customer is required: an object with an id or a source_id', 'invalid_customer');
  }
  if (body.source_id !== undefined && body.source_id !== null && !nonEmpty(body.source_id)) return invalidPayload('source_id must be a non-empty string');
  if (body.metadata !== undefined && body.metadata !== null && !isObject(body.metadata)) return invalidPayload('metadata must be an object');
  if (body.channel !== undefined && body.channel !== null && typeof body.channel !== 'string') return invalidPayload('channel must be a string');
  const target = readTarget(body);
  if (target instanceof Response) return target;
  const sourceId = nonEmpty(body.source_id) ? body.source_id : null;
  if (sourceId && target.kind === 'campaign' && target.count > 1) {
    return invalidPayload('With a source_id only one voucher can be published per request: drop campaign.count or the source_id');
  }
  return {
    target,
    customer: body.customer,
    sourceId,
    metadata: isObject(body.metadata) ? body.metadata : {},
    channel: typeof body.channel === 'string' && body.channel !== '' ? body.channel : 'API',
    joinOnce: joinOnce === 'true',
  };
}
