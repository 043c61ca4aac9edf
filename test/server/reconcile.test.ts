import { describe, expect, test } from 'vitest';
import { createMemoryRedeemStore, createRedeemOnce, isRedeemOutcomeUnknown } from 'voucherkit/server';
import { sandboxServer } from './sandboxFetch.js';

const order = (id: string, amount = 5000) => ({ source_id: id, amount });
const parentsOf = (sandbox: ReturnType<typeof sandboxServer>['sandbox'], orderId: string) =>
  [...sandbox.state.redemptions.values()].filter(
    (record) =>
      record.object === 'redemption' && record.related_object_type === 'redemption' && (record.order as { source_id?: string } | null)?.source_id === orderId,
  );

describe('redemptions.list (GET /v1/redemptions)', () => {
  test('sends every parameter in the API form and returns the zod-checked page with total', async () => {
    const { sent, server } = sandboxServer();
    const redeemed = await server.redeem({ codes: ['SAVE10', 'PERCENT15'], trackingId: null, order: order('ord_list') });
    const page = await server.redemptions.list({
      limit: 5,
      page: 1,
      result: ['SUCCESS'],
      order: '-created_at',
      created_at: { after: new Date(Date.now() - 60_000), before: new Date(Date.now() + 60_000) },
      filters: { parent_redemption_id: { conditions: { $is: redeemed.parentRedemption!.id } }, junction: 'and' },
    });
    const query = sent.at(-1)!.url.searchParams;
    expect(query.get('limit')).toBe('5');
    expect(query.getAll('result')).toEqual(['SUCCESS']);
    expect(query.get('filters[parent_redemption_id][conditions][$is]')).toBe(redeemed.parentRedemption!.id);
    expect(query.get('created_at[after]')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(page).toMatchObject({ object: 'list', data_ref: 'redemptions', total: 2 });
    expect(page.redemptions.map((r) => r.id).sort()).toEqual(redeemed.redemptions.map((r) => r.id).sort());

    const byCode = await server.redemptions.list({ filters: { voucher_code: { conditions: { $in: ['PERCENT15'] } } } });
    expect(sent.at(-1)!.url.searchParams.get('filters[voucher_code][conditions][$in][0]')).toBe('PERCENT15');
    expect(byCode.redemptions.map((r) => r.id)).toEqual([redeemed.redemptions[1]!.id]);
  });

  test('limit 101, page 0 and a wrong sort are TypeErrors naming them, before any call', async () => {
    const { sent, server } = sandboxServer();
    await expect(server.redemptions.list({ limit: 101 })).rejects.toThrow(/`limit`/);
    await expect(server.redemptions.list({ page: 0 })).rejects.toThrow(/`page`/);
    await expect(server.redemptions.list({ order: 'amount' } as never)).rejects.toThrow(/`order`/);
    expect(sent).toEqual([]);
  });
});

describe('reconcileRedeem: finding a redeem whose answer was lost', () => {
  test('pages (newest first) until page × limit ≥ total and matches order.source_id, skipping other orders and rollbacks', async () => {
    const { sent, server } = sandboxServer();
    const since = Date.now();
    const target = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('ord_target') });
    for (const id of ['o2', 'o3', 'o4', 'o5']) {
      const other = await server.redeem({ code: 'SAVE10', trackingId: null, order: order(id) });
      if (id === 'o3') await server.rollback(other.parentRedemption!.id);
    }
    const outcome = await server.reconcileRedeem({ orderId: 'ord_target', codes: ['SAVE10'], since, limit: 2, graceMs: 0 });
    expect(outcome.status).toBe('redeemed');
    if (outcome.status !== 'redeemed') return;
    expect(outcome.result.parentRedemption?.id).toBe(target.parentRedemption!.id);
    expect(outcome.result.redemptions.map((r) => r.id)).toEqual(target.redemptions.map((r) => r.id));
    expect(outcome.result.order?.totalAmount).toBe(target.order?.totalAmount);
    // Five redemptions and one rollback of SAVE10: three pages of two.
    const pages = sent.filter(
      (r) => r.method === 'GET' && r.url.pathname === '/v1/redemptions' && r.url.searchParams.has('filters[voucher_code][conditions][$is]'),
    );
    expect(pages.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  test('a redeem recorded in the very millisecond of `since` is found, also with no grace', async () => {
    const since = Date.now();
    // The sandbox's clock stands still at `since`: the redemption's created_at equals it (a fast server in one ms).
    const { server } = sandboxServer({ clock: () => since });
    const target = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('ord_same_ms') });
    const outcome = await server.reconcileRedeem({ orderId: 'ord_same_ms', codes: ['SAVE10'], since, timeoutMs: 50, graceMs: 0 });
    expect(outcome.status).toBe('redeemed');
    if (outcome.status === 'redeemed') expect(outcome.result.parentRedemption?.id).toBe(target.parentRedemption!.id);
  });

  test('"not redeemed" only after the timeout plus the grace period', async () => {
    const { server } = sandboxServer();
    const since = Date.now();
    const outcome = await server.reconcileRedeem({ orderId: 'ord_never', codes: ['SAVE10'], since, timeoutMs: 60, graceMs: 120 });
    expect(outcome).toEqual({ status: 'not_redeemed' });
    expect(Date.now()).toBeGreaterThanOrEqual(since + 180);
  });

  test('misuse is a TypeError before any call', async () => {
    const { sent, server } = sandboxServer();
    await expect(server.reconcileRedeem({ orderId: '', codes: ['SAVE10'], since: Date.now() })).rejects.toThrow(/`orderId`/);
    await expect(server.reconcileRedeem({ orderId: 'o', codes: [], since: Date.now() })).rejects.toThrow(/code/);
    await expect(server.reconcileRedeem({ orderId: 'o', codes: ['SAVE10'], since: 'yesterday' as never })).rejects.toThrow(/`since`/);
    expect(sent).toEqual([]);
  });
});

describe('createRedeemOnce + reconcile: the whole outcome_unknown loop against sandbox faults', () => {
  test('hang (the sandbox never processed it): unknown, reconcile waits out timeout + grace, releases the order, the retry redeems once', async () => {
    const { sandbox, server } = sandboxServer({ faults: [{ kind: 'hang', path: '/v1/redemptions', times: 1 }] });
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const params = { codes: ['SAVE10', 'GIFT50'], trackingId: null, order: order('ord_hang', 8000), timeoutMs: 50 };

    const error = await redeemOnce(params).catch((e: unknown) => e);
    expect(isRedeemOutcomeUnknown(error)).toBe(true);
    const record = store.get('ord_hang');
    expect(record).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    // Until reconciled, a repeat gets the same unknown outcome, never a second redeem.
    await expect(redeemOnce(params)).rejects.toMatchObject({ key: 'outcome_unknown' });

    const outcome = await redeemOnce.reconcile(params, { graceMs: 100 });
    expect(outcome).toEqual({ status: 'not_redeemed' });
    expect(Date.now()).toBeGreaterThanOrEqual((record as { sentAt: number }).sentAt + 150);
    expect(store.get('ord_hang')).toBeUndefined();
    expect(parentsOf(sandbox, 'ord_hang')).toHaveLength(0);

    const result = await redeemOnce(params);
    expect(parentsOf(sandbox, 'ord_hang').map((r) => r.id)).toEqual([result.parentRedemption!.id]);
  });

  test('schema_drift (processed, answer unreadable): unknown, reconcile finds and stores the redemption, a repeat returns it without redeeming again', async () => {
    const { sandbox, server } = sandboxServer({ faults: [{ kind: 'schema_drift', path: '/v1/redemptions', times: 1 }] });
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const params = { codes: ['SAVE10', 'GIFT50'], trackingId: null, order: order('ord_drift', 8000), timeoutMs: 50 };

    await expect(redeemOnce(params)).rejects.toMatchObject({ key: 'outcome_unknown' });
    const [parent] = parentsOf(sandbox, 'ord_drift');
    expect(parent).toBeDefined();

    const outcome = await redeemOnce.reconcile(params, { graceMs: 60_000 });
    expect(outcome.status).toBe('redeemed');
    if (outcome.status !== 'redeemed') return;
    expect(outcome.result.parentRedemption?.id).toBe(parent!.id);
    expect(outcome.result.redemptions).toHaveLength(2);
    expect(store.get('ord_drift')).toMatchObject({ state: 'redeemed' });

    const repeat = await redeemOnce(params);
    expect(repeat.parentRedemption?.id).toBe(parent!.id);
    expect(parentsOf(sandbox, 'ord_drift')).toHaveLength(1);
  });

  test('reconcile refuses another cart for the order, and answers free for an order without a record', async () => {
    const { server } = sandboxServer();
    const redeemOnce = createRedeemOnce(server);
    await redeemOnce({ code: 'SAVE10', trackingId: null, order: order('ord_done') });
    await expect(redeemOnce.reconcile({ code: 'PERCENT15', trackingId: null, order: order('ord_done') })).rejects.toMatchObject({
      key: 'idempotency_conflict',
    });
    await expect(redeemOnce.reconcile({ code: 'SAVE10', trackingId: null, order: order('ord_none') })).resolves.toEqual({ status: 'free' });
    await expect(redeemOnce.reconcile({ code: 'SAVE10', trackingId: null, order: order('ord_done') })).resolves.toMatchObject({ status: 'redeemed' });
  });
});
