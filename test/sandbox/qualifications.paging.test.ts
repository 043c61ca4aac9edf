import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxPromotionCampaign } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// Paging qualifications: 5 by default (a sixth tier is on the next page, never lost), at most 50, the cursor is
// the created_at of the page's last entry (`more_starting_after`), with a sandbox defined with 60 tiers.

const sixtyTiers: SandboxPromotionCampaign[] = [
  {
    id: 'camp_many',
    name: 'Many',
    // No created_at: the sandbox gives each a stable one, the first given the newest.
    tiers: Array.from({ length: 60 }, (_, index) => ({
      id: `promo_${String(index).padStart(2, '0')}`,
      name: `Tier ${index}`,
      action: { discount: { type: 'AMOUNT' as const, amount_off: 100 + index } },
    })),
  },
];
const allIds = sixtyTiers[0]!.tiers.map((tier) => tier.id);

interface Page {
  ids: string[];
  hasMore: boolean;
  next: string | undefined;
  createdAt: string[];
}

async function page(sandbox: ReturnType<typeof createSandbox>, options: Record<string, unknown>): Promise<Page> {
  const { status, body } = await call(sandbox, 'POST', '/v1/qualifications', { order: { amount: 10000 }, options });
  expect(status).toBe(200);
  const data = body.redeemables.data as Array<{ id: string; created_at: string }>;
  expect(body.redeemables.total).toBe(data.length);
  return {
    ids: data.map((entry) => entry.id),
    hasMore: body.redeemables.has_more,
    next: body.redeemables.more_starting_after,
    createdAt: data.map((entry) => entry.created_at),
  };
}

/** Every page from the first, following more_starting_after while has_more. */
async function walk(sandbox: ReturnType<typeof createSandbox>, options: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(sandbox, { ...options, ...(cursor ? { starting_after: cursor } : {}) });
    pages.push(next);
    cursor = next.hasMore ? next.next : undefined;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return pages;
}

describe('paging qualifications', () => {
  const sandbox = createSandbox({ promotions: sixtyTiers, validationRules: [], vouchers: [] });

  it('answers 5 by default, newest first, with has_more and the cursor of the fifth', async () => {
    const first = await page(sandbox, {});
    expect(first.ids).toEqual(allIds.slice(0, 5));
    expect(first.hasMore).toBe(true);
    expect(first.next).toBe(first.createdAt[4]);
  });

  it('past 5: following the cursor reaches all 60, each once, in 12 pages', async () => {
    const pages = await walk(sandbox, {});
    expect(pages).toHaveLength(12);
    expect(pages.flatMap((p) => p.ids)).toEqual(allIds);
    expect(pages.at(-1)).toMatchObject({ hasMore: false, next: undefined });
  });

  it('past 50: limit 50 gives 50 then 10', async () => {
    const pages = await walk(sandbox, { limit: 50 });
    expect(pages.map((p) => p.ids.length)).toEqual([50, 10]);
    expect(pages.flatMap((p) => p.ids)).toEqual(allIds);
  });

  it('the string "null" (the guide sends it) is the first page', async () => {
    expect((await page(sandbox, { starting_after: 'null', limit: 2 })).ids).toEqual(allIds.slice(0, 2));
  });

  it('BEST_DEAL and LEAST_DEAL order within each page; the pages are still cut by created_at, so none is lost', async () => {
    const best = await walk(sandbox, { limit: 50, sorting_rule: 'BEST_DEAL' });
    // Later tiers give more (100 + index) and are older: each page comes biggest discount first.
    expect(best[0]!.ids.slice(0, 3)).toEqual(['promo_49', 'promo_48', 'promo_47']);
    expect(best[1]!.ids).toEqual(allIds.slice(50).reverse());
    expect(new Set(best.flatMap((p) => p.ids)).size).toBe(60);
    const least = await walk(sandbox, { limit: 50, sorting_rule: 'LEAST_DEAL' });
    expect(least[0]!.ids.slice(0, 2)).toEqual(['promo_00', 'promo_01']);
    expect(least.flatMap((p) => p.ids)).toEqual(allIds);
  });
});
