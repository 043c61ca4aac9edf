/** What the allow-list says about one campaign. */
export interface PublishCampaignOptions {
  /**
   * Accept a tracking id alone (a shopper who is not signed in) as the customer. Only for codes that are not
   * holder-restricted, such as a newsletter welcome code: a code held by a tracking id is only as private as the
   * cookie that carries it. @default false
   */
  anonymous?: boolean;
}

/**
 * `createVoucherifyServer({ publish })`: the campaigns `publish` may publish from, by Voucherify campaign name (or id).
 * Any other campaign is a TypeError at the call, before any request.
 *
 * @example
 * createVoucherifyServer({ applicationId, secretKey, publish: { campaigns: { welcome: {}, newsletter: { anonymous: true } } } })
 */
export interface PublishOptions {
  campaigns: Readonly<Record<string, PublishCampaignOptions>>;
}

/**
 * The allow-list, checked once at startup: a typo in it is a TypeError then, not a refused publish at checkout.
 *
 * @example
 * readPublishOptions({ campaigns: { welcome: {} } }) // Map { 'welcome' => { anonymous: false } }
 */
export function readPublishOptions(options: PublishOptions | undefined): ReadonlyMap<string, Required<PublishCampaignOptions>> {
  const allowed = new Map<string, Required<PublishCampaignOptions>>();
  if (options === undefined) return allowed;
  const campaigns = (options as PublishOptions | null)?.campaigns;
  if (!campaigns || typeof campaigns !== 'object' || Array.isArray(campaigns)) {
    throw new TypeError('createVoucherifyServer: publish.campaigns must be an object of campaign names, e.g. { campaigns: { welcome: {} } }');
  }
  for (const [name, entry] of Object.entries(campaigns)) {
    if (name.trim() === '') throw new TypeError('createVoucherifyServer: publish.campaigns has an empty campaign name');
    const value = entry as PublishCampaignOptions | null;
    if (!value || typeof value !== 'object' || (value.anonymous !== undefined && typeof value.anonymous !== 'boolean')) {
      throw new TypeError(`createVoucherifyServer: publish.campaigns[${JSON.stringify(name)}] must be { anonymous?: boolean }`);
    }
    allowed.set(name, { anonymous: value.anonymous ?? false });
  }
  return allowed;
}
