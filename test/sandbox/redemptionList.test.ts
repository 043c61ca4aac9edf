import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// GET /v1/redemptions, the lookup a server does after a redeem whose outcome it did not see.

let tick = Date.parse('2026-03-01T10:00:00.000Z');
const clock = () => tick;
const vouchers = [
  { code: 'SAVE10', discount: { type: 'AMOUNT' as const, amount_off: 1000 }, campaign: 'Spring' },
  { code: 'CARD', gift: { amount: 5000, balance: 5000 } },
  { code: 'PCT', discount: { type: 'PERCENT' as const, percent_off: 10 } },
];

async function redeem(sandbox: Sandbox, codes: string[], extra: Record<string, unknown> = {}) {
  tick += 60_000;
  const { body } = await call(sandbox, 'POST', '/v1/redemptions', {
    redeemables: codes.map((id) => ({ object: 'voucher', id })),
    order: { amount: 4000 },
    ...extra,
  });
  return body as { parent_redemption: { id: string; customer_id: string | null }; redemptions: Array<{ id: string }> };
}

const list = async (sandbox: Sandbox, query: string) => {
  const answer = await call(sandbox, 'GET', `/v1/redemptions${query}`);
  return { ...answer, ids: ((answer.body?.redemptions ?? []) as Array<{ id: string }>).map((r) => r.id) };
};

async function threeRedeems() {
  tick = Date.parse('2026-03-01T10:00:00.000Z');
  const sandbox = createSandbox({ vouchers, clock });
  const first = await redeem(sandbox, ['SAVE10', 'CARD'], { customer: { source_id: 'ada@example.com' }, order: { source_id: 'o-1', amount: 4000 } });
  const second = await redeem(sandbox, ['PCT'], { customer: { source_id: 'bob@example.com' }, order: { source_id: 'o-2', amount: 4000 } });
  const third = await redeem(sandbox, ['CARD']);
  return { sandbox, first, second, third };
}

describe('GET /v1/redemptions', () => {
  it('lists parents and children newest first, 10 by default, with the total', async () => {
    const { sandbox, first, third } = await threeRedeems();
    const { status, body, ids } = await list(sandbox, '');
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'list', data_ref: 'redemptions', total: 7 });
    // A parent is stored after its children, so at one date it comes first.
    expect(ids.slice(0, 2)).toEqual([third.parent_redemption.id, third.redemptions[0]!.id]);
    expect(ids.at(-1)).toBe(first.redemptions[0]!.id);
  });

  it('pages with limit and page until page × limit reaches total', async () => {
    const { sandbox } = await threeRedeems();
    const all = (await list(sandbox, '?limit=100')).ids;
    const pages = [1, 2, 3].map((page) => list(sandbox, `?limit=3&page=${page}`));
    const seen = (await Promise.all(pages)).flatMap((answer) => {
      expect(answer.body.total).toBe(7);
      return answer.ids;
    });
    expect(seen).toEqual(all);
    expect((await list(sandbox, '?limit=3&page=4')).ids).toEqual([]);
  });

  it.each([
    'limit=0',
    'limit=101',
    'limit=ten',
    'page=0',
    'page=100',
    'result=MAYBE',
    'order=amount',
    'created_at[before]=yesterday',
    'filters[amount][conditions][$is]=1',
    'filters[voucher_code][conditions][$like]=S',
  ])('%s is 400 invalid_payload naming the parameter', async (query) => {
    const { status, body } = await list(createSandbox(), `?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, key: 'invalid_payload' });
    expect(body.details).toContain(query.split(/[=[]/)[0]);
  });

  it('accepts the bounds: limit 1 and 100, page 99', async () => {
    const { sandbox } = await threeRedeems();
    expect((await list(sandbox, '?limit=1')).ids).toHaveLength(1);
    expect((await list(sandbox, '?limit=100&page=99')).body).toMatchObject({ redemptions: [], total: 7 });
  });

  it('filters by voucher code and by parent redemption id in the deepObject form', async () => {
    const { sandbox, first, third } = await threeRedeems();
    const byCode = await list(sandbox, '?filters[voucher_code][conditions][$is]=CARD');
    expect(byCode.ids).toEqual([third.redemptions[0]!.id, first.redemptions[1]!.id]);
    expect(byCode.body.total).toBe(2);
    const children = await list(sandbox, `?filters[parent_redemption_id][conditions][$is]=${first.parent_redemption.id}&order=created_at`);
    expect(children.ids).toEqual(first.redemptions.map((r) => r.id));
    const either = await list(sandbox, '?filters[voucher_code][conditions][$in][0]=SAVE10&filters[voucher_code][conditions][$in][1]=PCT');
    expect(either.body.total).toBe(2);
    const orJunction = await list(
      sandbox,
      '?filters[voucher_code][conditions][$is]=PCT&filters[object][conditions][$is]=redemption_rollback&filters[junction]=or',
    );
    expect(orJunction.body.total).toBe(1);
  });

  it('filters by customer (id or source id), campaign name, result and a created_at window', async () => {
    const { sandbox, first, second } = await threeRedeems();
    const ada = first.parent_redemption.customer_id!;
    expect((await list(sandbox, `?customer=${ada}`)).body.total).toBe(3);
    expect((await list(sandbox, '?customer=bob@example.com')).ids).toEqual([second.parent_redemption.id, second.redemptions[0]!.id]);
    expect((await list(sandbox, '?customer=nobody')).body).toMatchObject({ redemptions: [], total: 0 });
    expect((await list(sandbox, '?campaign=Spring')).ids).toEqual([first.redemptions[0]!.id]);
    expect((await list(sandbox, '?result=SUCCESS&result=FAILURE')).body.total).toBe(7);
    expect((await list(sandbox, '?result=FAILURE')).body.total).toBe(0);
    // The second redeem happened at 10:02; a window around it finds only that one.
    const window = await list(sandbox, '?created_at[after]=2026-03-01T10:01:30Z&created_at[before]=2026-03-01T10:02:30Z');
    expect(window.body.total).toBe(2);
    expect((await list(sandbox, '?[created_at][before]=2026-03-01')).body.total).toBe(0);
  });

  it('sorts by the order option, ascending or descending', async () => {
    const { sandbox } = await threeRedeems();
    const codes = async (order: string) =>
      ((await list(sandbox, `?order=${order}&filters[voucher_code][conditions][$has_value]=`)).body.redemptions as Array<{ voucher: { code: string } }>).map(
        (r) => r.voucher.code,
      );
    expect(await codes('voucher_code')).toEqual(['CARD', 'CARD', 'PCT', 'SAVE10']);
    expect(await codes('-voucher_code')).toEqual(['SAVE10', 'PCT', 'CARD', 'CARD']);
  });

  it('includes rollbacks, which a reconciliation skips by object', async () => {
    const { sandbox, first } = await threeRedeems();
    tick += 60_000;
    await call(sandbox, 'POST', `/v1/redemptions/${first.parent_redemption.id}/rollbacks`, {});
    const { body } = await list(sandbox, '?filters[voucher_code][conditions][$is]=SAVE10');
    expect(body.redemptions.map((r: { object: string; status: string }) => [r.object, r.status])).toEqual([
      ['redemption_rollback', 'SUCCEEDED'],
      ['redemption', 'ROLLED_BACK'],
    ]);
    const rollbacks = await list(
      sandbox,
      `?filters[object][conditions][$is]=redemption_rollback&filters[parent_redemption_id][conditions][$is]=${first.parent_redemption.id}`,
    );
    expect(rollbacks.body.total).toBe(2);
  });
});
