import { errorResponse, notFound } from '../http/responses.js';
import { campaignId } from '../state/campaignShape.js';
import { newId } from '../state/ids.js';
import type { SandboxCampaign, SandboxCustomer, SandboxPublication, SandboxState, SandboxVoucher } from '../types.js';
import { generateCode } from './generateCode.js';
import type { PublicationRequest, PublicationTarget } from './readPublicationRequest.js';

/** Draws per code before a campaign is called full: with the code space checked on the way in, a miss is very rare. */
const MAX_DRAWS = 64;

const missingVouchers = (details: string): Response => errorResponse({ code: 400, key: 'missing_vouchers', message: 'Missing vouchers', details });

const alreadyPublished = (voucher: SandboxVoucher): Response =>
  errorResponse({
    code: 400,
    key: 'voucher_already_published',
    message: 'Voucher already published',
    details: `Voucher '${voucher.code}' has already been published`,
    resource_id: voucher.code,
    resource_type: 'voucher',
  });

/** The campaign a publication names, by name or id. */
export function findCampaign(state: SandboxState, nameOrId: string): SandboxCampaign | undefined {
  return state.campaigns.get(nameOrId) ?? [...state.campaigns.values()].find((campaign) => campaignId(campaign) === nameOrId);
}

/** Checks the target exists before anyone is created or changed: a 404 leaves the state as it was. */
export function resolveTarget(state: SandboxState, target: PublicationTarget): Response | SandboxCampaign | SandboxVoucher {
  if (target.kind === 'voucher') return state.vouchers.get(target.code) ?? notFound('voucher', target.code);
  return findCampaign(state, target.campaign) ?? notFound('campaign', target.campaign);
}

const isFor = (publication: SandboxPublication, customer: SandboxCustomer, target: SandboxCampaign | SandboxVoucher): boolean =>
  publication.customer_id === customer.id && ('code_config' in target ? publication.campaign === target.name : publication.codes.includes(target.code));

/** Unpublished vouchers of the campaign first, as Voucherify picks them; then fresh codes from its `code_config`. */
function takeCodes(state: SandboxState, campaign: SandboxCampaign, count: number): SandboxVoucher[] | Response {
  const own = [...state.vouchers.values()].filter((voucher) => voucher.campaign === campaign.name);
  const free = own.filter((voucher) => !voucher.holder_id && voucher.active !== false).slice(0, count);
  const fresh = count - free.length;
  if (campaign.vouchers_count !== undefined && own.length + fresh > campaign.vouchers_count) {
    return missingVouchers(`Campaign ${campaign.name} has no vouchers left to publish (${campaign.vouchers_count} in all)`);
  }
  const made: SandboxVoucher[] = [];
  for (let index = 0; index < fresh; index++) {
    let code: string | undefined;
    for (let draw = 0; draw < MAX_DRAWS && code === undefined; draw++) {
      const candidate = generateCode(campaign.code_config);
      if (!state.vouchers.has(candidate) && !made.some((voucher) => voucher.code === candidate)) code = candidate;
    }
    if (code === undefined) return missingVouchers(`Campaign ${campaign.name} could not generate another unique code`);
    const template = structuredClone(campaign.voucher);
    const rules = campaign.holder_only ? { ...template.sandbox_rules, holder_only: true } : template.sandbox_rules;
    made.push({ ...template, code, campaign: campaign.name, ...(rules ? { sandbox_rules: rules } : {}) });
  }
  // Stored only once every code is in hand: a full campaign publishes nothing rather than part of a count.
  for (const voucher of made) state.vouchers.set(voucher.code, voucher);
  return [...free, ...made];
}

/**
 * Publishes to `customer` what the request names, and records the publication. A repeated `source_id` answers the
 * first publication when it was for the same customer and target (the code-publication guide's "same code"), and
 * 400 `duplicate_source_id` otherwise (the spec's 400). With `join_once`, the customer's earlier publication of
 * the campaign (or of the voucher) is answered instead of a new one. A voucher held by someone else is 400
 * `voucher_already_published`; so is publishing a held voucher again without `join_once`.
 */
export function publishVouchers(
  state: SandboxState,
  now: number,
  request: PublicationRequest,
  target: SandboxCampaign | SandboxVoucher,
  customer: SandboxCustomer,
): SandboxPublication | Response {
  const publications = [...state.publications.values()];
  if (request.sourceId !== null) {
    const earlier = publications.find((publication) => publication.source_id === request.sourceId);
    if (earlier && isFor(earlier, customer, target)) return earlier;
    if (earlier) {
      return errorResponse({
        code: 400,
        key: 'duplicate_source_id',
        message: 'Duplicate source_id',
        details: `Publication with source_id: '${request.sourceId}' already exists`,
      });
    }
  }
  if (request.joinOnce) {
    const earlier = publications.find((publication) => isFor(publication, customer, target));
    if (earlier) return earlier;
  }
  let vouchers: SandboxVoucher[];
  if ('code_config' in target) {
    const taken = takeCodes(state, target, request.target.kind === 'campaign' ? request.target.count : 1);
    if (taken instanceof Response) return taken;
    vouchers = taken;
  } else {
    if (target.holder_id) return alreadyPublished(target);
    vouchers = [target];
  }
  for (const voucher of vouchers) voucher.holder_id = customer.id;
  const publication: SandboxPublication = {
    id: newId('pub'),
    created_at: new Date(now).toISOString(),
    customer_id: customer.id,
    campaign: 'code_config' in target ? target.name : (target.campaign ?? null),
    source_id: request.sourceId,
    channel: request.channel,
    metadata: request.metadata,
    codes: vouchers.map((voucher) => voucher.code),
  };
  state.publications.set(publication.id, publication);
  return publication;
}
