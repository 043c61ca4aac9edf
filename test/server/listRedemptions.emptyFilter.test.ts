import { describe, expect, test } from 'vitest';
import { sandboxServer } from './sandboxFetch.js';

// An allow-list that names nothing sent nothing, and Voucherify (and the sandbox) then answered every customer's
// redemptions: a support page listing "this customer's redemptions" showed everyone's. It must be refused instead.

async function twoCustomers() {
  const wired = sandboxServer();
  const ada = await wired.server.redeem({ code: 'SAVE10', trackingId: 'ada@example.com', order: { source_id: 'o-ada', amount: 5000 } });
  await wired.server.redeem({ code: 'SAVE10', trackingId: 'bob@example.com', order: { source_id: 'o-bob', amount: 5000 } });
  wired.sent.length = 0;
  return { ...wired, adaId: ada.customerId! };
}

describe('listRedemptions: an empty filter lists everyone', () => {
  test.each([
    ['an empty $in', { filters: { customer_id: { conditions: { $in: [] } } } }, /`filters\.customer_id\.conditions\.\$in`/],
    ['an empty $not_in', { filters: { customer_id: { conditions: { $not_in: [] } } } }, /`filters\.customer_id\.conditions\.\$not_in`/],
    ['a blank item in $in', { filters: { customer_id: { conditions: { $in: [''] } } } }, /`filters\.customer_id\.conditions\.\$in\[0\]`/],
    ['no conditions', { filters: { customer_id: { conditions: {} } } }, /`filters\.customer_id\.conditions`/],
    ['an empty $is', { filters: { customer_id: { conditions: { $is: '' } } } }, /`filters\.customer_id\.conditions\.\$is`/],
    ['an empty $starts_with', { filters: { voucher_code: { conditions: { $starts_with: '' } } } }, /`filters\.voucher_code\.conditions\.\$starts_with`/],
    ['an empty $contains', { filters: { campaign_name: { conditions: { $contains: '' } } } }, /`filters\.campaign_name\.conditions\.\$contains`/],
    ['filters with no field', { filters: {} }, /`filters`/],
    ['filters with only a junction', { filters: { junction: 'or' } }, /`filters`/],
    ['an empty customer', { customer: '' }, /`customer`/],
    ['an empty campaign', { campaign: '' }, /`campaign`/],
    ['an empty result list', { result: [] }, /`result`/],
  ])('%s is a TypeError naming the field, and nothing is sent', async (_name, params, field) => {
    const { sent, server } = await twoCustomers();
    const refused = server.redemptions.list(params as never);
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow(field);
    expect(sent).toEqual([]);
  });

  test('$has_value and $is_unknown keep their documented empty string; a named customer lists only theirs', async () => {
    const { sent, server, adaId } = await twoCustomers();
    const present = await server.redemptions.list({ filters: { customer_id: { conditions: { $has_value: '' } } } });
    expect(sent.at(-1)!.url.searchParams.get('filters[customer_id][conditions][$has_value]')).toBe('');
    expect(present.total).toBe(4);
    const unknown = await server.redemptions.list({ filters: { customer_id: { conditions: { $is_unknown: '' } } } });
    expect(unknown.total).toBe(0);
    const ada = await server.redemptions.list({ filters: { customer_id: { conditions: { $in: [adaId] } } } });
    expect(ada.redemptions.every((redemption) => redemption.customer_id === adaId)).toBe(true);
    expect(ada.total).toBe(2);
  });
});
