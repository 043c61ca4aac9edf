import type { Order } from 'voucherkit/core';

const line = (id: string, name: string, price: number, quantity: number) => ({
  source_id: id,
  related_object: 'product' as const,
  quantity,
  price,
  amount: price * quantity,
  product: { name },
});

/** A $67.50 cart: every seed code that applies does so here. */
export const cart: Order = {
  amount: 6750,
  items: [
    line('prod_pour_over', 'Ceramic pour-over dripper', 3200, 1),
    line('prod_beans', 'Single-origin beans', 1450, 2),
    line('prod_filters', 'Paper filters', 650, 1),
  ],
};

/** A $35.50 cart: below MIN50's $50 minimum. */
export const smallCart: Order = {
  amount: 3550,
  items: [line('prod_beans', 'Single-origin beans', 1450, 2), line('prod_filters', 'Paper filters', 650, 1)],
};
