import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { formatMoney, useValidate, VoucherField, VoucherProvider } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import 'voucherkit/styles.css';

// Issue 25, end to end in Chromium: a Japanese shop's cart of ¥3,000 is 300000 to Voucherify (value × 100 in every
// currency), and a yen AMOUNT voucher of ¥500 (amount_off 50000, as the dashboard stores it) leaves ¥2,500.
const sandbox = createSandbox({
  vouchers: [{ code: 'YEN500', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 50000, effect: 'APPLY_TO_ORDER' } }],
});
// The sandbox answers through the provider's `fetch` (its own handler), so the test needs no service worker.
const sentAmounts: unknown[] = [];
const sandboxFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === '/client/v1/validations') {
    sentAmounts.push(((await request.clone().json()) as { order?: { amount?: unknown } }).order?.amount);
  }
  return sandbox.handle(request);
};

afterEach(() => {
  cleanup();
  sandbox.reset();
});

const yen = (amount: number) => formatMoney(amount, { currency: 'JPY', locale: 'ja-JP' });

function JapaneseCheckout({ cartTotal }: { cartTotal: number }) {
  const [codes, setCodes] = useState<string[]>([]);
  const order = { amount: cartTotal };
  const { data } = useValidate(codes, { order });
  const total = data?.valid && data.order ? data.order.totalAmount : cartTotal;
  return (
    <>
      <VoucherField hideToggle order={order} codes={codes} onCodesChange={setCodes} />
      <p data-testid="total">合計: {yen(total)}</p>
    </>
  );
}

describe('a yen AMOUNT voucher of the sandbox, end to end', () => {
  it('¥3,000 − ¥500 = ¥2,500: sent as 300000, shown in yen, with the chip and announcement in yen', async () => {
    render(
      <VoucherProvider
        clientApplicationId={SANDBOX_KEYS.clientApplicationId}
        clientToken={SANDBOX_KEYS.clientToken}
        queryClient={new QueryClient()}
        fetch={sandboxFetch}
        currency="JPY"
        locale="ja-JP"
      >
        <JapaneseCheckout cartTotal={300000} />
      </VoucherProvider>,
    );
    expect(screen.getByTestId('total').textContent).toBe('合計: ￥3,000');
    await userEvent.type(screen.getByRole('textbox', { name: 'Promo code' }), 'YEN500');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('合計: ￥2,500'));
    expect(document.querySelector('.voucher-field__saving')?.textContent).toBe('￥500 off');
    expect(screen.getByRole('status').textContent?.trim()).toBe('YEN500 applied: ￥500 off');
    expect(sentAmounts).toContain(300000);
    expect(sentAmounts.every((amount) => amount === 300000)).toBe(true);
  });
});
