import { describe, expect, it } from 'vitest';
import { orderFingerprint } from 'voucherkit/core';

describe('orderFingerprint', () => {
  const order = {
    amount: 4999,
    items: [
      { product_id: 'prod_1', quantity: 2, price: 1500, metadata: { color: 'red', size: 'M' } },
      { sku_id: 'sku_1', quantity: 1, price: 1999 },
    ],
    metadata: { channel: 'web' },
  };

  it('is independent of key order at every depth', () => {
    const reordered = {
      metadata: { channel: 'web' },
      items: [
        { metadata: { size: 'M', color: 'red' }, price: 1500, quantity: 2, product_id: 'prod_1' },
        { price: 1999, quantity: 1, sku_id: 'sku_1' },
      ],
      amount: 4999,
    };
    expect(orderFingerprint(reordered)).toBe(orderFingerprint(order));
  });

  it('treats an undefined field as absent', () => {
    expect(orderFingerprint({ ...order, id: undefined })).toBe(orderFingerprint(order));
  });

  it.each([
    ['the amount', { ...order, amount: 5000 }],
    ['a quantity', { ...order, items: [{ ...order.items[0], quantity: 3 }, order.items[1]] }],
    ['the item order', { ...order, items: [order.items[1], order.items[0]] }],
    ['nested metadata', { ...order, metadata: { channel: 'app' } }],
    ['a removed item', { ...order, items: [order.items[0]] }],
    ['a string that looks like the number', { ...order, amount: '4999' }],
  ])('differs when %s changes', (_name, changed) => {
    expect(orderFingerprint(changed)).not.toBe(orderFingerprint(order));
  });

  it('is a short string and "none" for no order', () => {
    expect(orderFingerprint(order)).toMatch(/^[0-9a-z]+\.[0-9a-z]+$/);
    expect(orderFingerprint(undefined)).toBe('none');
    expect(orderFingerprint(null)).toBe('none');
  });

  it('is the same for equal carts built separately', () => {
    expect(orderFingerprint(structuredClone(order))).toBe(orderFingerprint(order));
  });
});
