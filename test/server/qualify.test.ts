import { describe, expect, it } from 'vitest';
import type { SandboxPromotionCampaign } from 'voucherkit/sandbox';
import { sandboxServer } from './sandboxFetch.js';

// Issue 19, server: the qualification `redeem({ promotions })` trusts reads every page (a sixth tier must not vanish
// behind Voucherify's default page of 5), with the secret keys on /v1/qualifications.

const many = (count: number): SandboxPromotionCampaign => ({
  id: 'camp_many',
  name: 'Many',
  tiers: Array.from({ length: count }, (_, index) => ({
    id: `promo_${String(index).padStart(3, '0')}`,
    name: `Tier ${index}`,
    action: { discount: { type: 'AMOUNT' as const, amount_off: 10 } },
    created_at: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
  })),
});

describe('qualify', () => {
  it.each([6, 51])('reads past %i tiers, and redeem auto sends every one that fits beside the codes (30 in all)', async (count) => {
    const { server, sent } = sandboxServer({ promotions: [many(count)] });
    const result = await server.qualify({ order: { amount: 10_000 }, resourceType: 'promotion_tier', trackingId: null });
    expect(result.complete).toBe(true);
    expect(result.redeemables).toHaveLength(count);
    const pages = sent.filter((request) => request.url.pathname === '/v1/qualifications');
    expect(pages).toHaveLength(Math.ceil(count / 50));
    expect(pages.every((page) => (page.body?.options as { limit?: number }).limit === 50)).toBe(true);

    const redeemed = await server.redeem({ code: 'SAVE10', promotions: 'auto', trackingId: null, order: { source_id: `ord_${count}`, amount: 10_000 } });
    expect(redeemed.promotions?.sent).toHaveLength(Math.min(count, 29));
  });

  it('checks its params', async () => {
    const { server, sent } = sandboxServer();
    await expect(server.qualify({ scenario: 'PRODUCTS' as never, trackingId: null })).rejects.toThrow(/qualify: `scenario` must be 'ALL'/);
    await expect(server.qualify({ resourceType: 'tier' as never, trackingId: null })).rejects.toThrow(/`resourceType`/);
    expect(sent).toHaveLength(0);
  });
});
