import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { formatMoney, VoucherProvider } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import 'voucherkit/styles.css';
import type { Cart } from '../../examples/patterns/cart.js';
import { Checkout } from '../../examples/patterns/Checkout.js';

const sandbox = createSandbox();
/** The codes each order carried to the shop's own API (the README's server half answers with Voucherify's total). */
const orders: unknown[] = [];
const shopApi = http.post('/api/checkout', async ({ request }) => {
  const body = (await request.json()) as { codes: string[] };
  orders.push(body);
  return HttpResponse.json({ total: body.codes.length > 0 ? 3000 : 4000 });
});
const worker = setupWorker(shopApi, ...sandboxHandlers(sandbox));

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => {
  cleanup();
  sandbox.reset();
  orders.length = 0;
  document.cookie = 'voucherify_tracking_id=; Max-Age=0; Path=/';
});
afterAll(() => worker.stop());

const cart: Cart = { id: 'cart_1', orderId: 'order_1', total: 4000, items: [{ sku: 'sku_mug', quantity: 2, unitPrice: 2000 }] };
const total = () => screen.getByText(/^Total:/).textContent;
const eur = (minor: number) => `Total: ${formatMoney(minor, { currency: 'EUR', locale: 'de-DE' })}`;
/** Validations the sandbox answered: what the shopper's browser really sent. */
const validations = () => sandbox.state.requests.filter((r) => r.path === '/client/v1/validations').length;
/** The texts of the page's status regions: the field's live region and the Checkout's order outcome. */
const statuses = () => screen.getAllByRole('status').map((region) => (region.textContent ?? '').trim());

function mount() {
  // As the README's main.tsx, with the sandbox's keys.
  return render(
    <VoucherProvider
      clientApplicationId={SANDBOX_KEYS.clientApplicationId}
      clientToken={SANDBOX_KEYS.clientToken}
      queryClient={new QueryClient()}
      currency="EUR"
      locale="de-DE"
    >
      <Checkout cart={cart} />
    </VoucherProvider>,
  );
}

async function applyCode(code: string) {
  const toggle = screen.queryByRole('button', { name: 'Have a promo code?' });
  if (toggle?.getAttribute('aria-expanded') === 'false') await userEvent.click(toggle);
  const input = screen.getByRole('textbox', { name: 'Promo code' });
  await userEvent.clear(input);
  await userEvent.type(input, code);
  await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
}

describe("the README's primary pattern in Chromium, as written (examples/patterns/Checkout.tsx is the README block)", () => {
  it('SAVE10 discounts the total with one request (useValidate reads the field’s cache); Remove brings the total back', async () => {
    mount();
    expect(total()).toBe(eur(4000));
    await applyCode('SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    // Past the 300 ms debounce: a second query of its own would have been sent by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(validations()).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    await waitFor(() => expect(total()).toBe(eur(4000)));
    expect(statuses()).toContain('Code removed');
    expect(validations()).toBe(1);
  });

  // One code at a time: while SAVE10 is applied its chip replaces the input, so a second code comes after Remove.
  it('after SAVE10 and Remove, a rejected code leaves the total at the cart’s; the order is placed with no code', async () => {
    mount();
    await applyCode('SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    await userEvent.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    await applyCode('EXPIRED');
    await waitFor(() => expect(statuses()).toContain('EXPIRED has expired'));
    expect(total()).toBe(eur(4000));
    await userEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(statuses()).toContain(`Order placed: ${formatMoney(4000, { currency: 'EUR', locale: 'de-DE' })} charged`));
    expect(orders).toEqual([{ codes: [] }]);
    expect(validations()).toBe(2);
  });
});
