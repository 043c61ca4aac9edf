import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PromotionList, usePromotions, VoucherField, type Order, type PromotionNudge } from 'voucherkit';
import { deMessages } from 'voucherkit/messages/de';
import { renderWithProvider, sandbox, setupSandboxServer } from './harness.js';

setupSandboxServer();

const order = (goods: number): Order => ({
  amount: goods + 499,
  items: [
    { source_id: 'sku_goods', related_object: 'product', quantity: 1, price: goods },
    { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 499 },
  ],
});
const validations = () => sandbox.state.requests.filter((r) => r.path === '/client/v1/validations').length;

function Cart({ goods, nudges, headless = false }: { goods: number; nudges?: PromotionNudge[]; headless?: boolean }) {
  const [codes, setCodes] = useState<string[]>([]);
  const promotions = usePromotions({ order: order(goods), codes, debounceMs: 0 });
  if (headless) {
    return (
      <>
        <ul {...promotions.getListProps()}>
          {promotions.getLines(nudges).map((line) => (
            <li key={line.id} {...promotions.getLineProps(line)}>
              {line.text}
            </li>
          ))}
        </ul>
        <div {...promotions.getStatusProps()}>{promotions.announcement}</div>
      </>
    );
  }
  return (
    <>
      <VoucherField hideToggle codes={codes} onCodesChange={setCodes} debounceMs={0} {...promotions.fieldProps} />
      <PromotionList promotions={promotions} nudges={nudges} />
    </>
  );
}

const list = () => screen.getByRole('list', { name: /Promotions|Aktionen/ });
const nudge: PromotionNudge = { tierId: 'promo_10_off_over_100', banner: '10% off orders over $100', missing: 1202 };

describe('PromotionList', () => {
  it('shows a nudge line for a tier the cart is one step from, beside the applied one', async () => {
    renderWithProvider(<Cart goods={8299} nudges={[nudge]} />);
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy());
    expect(within(list()).getByText('Add $12.02 more for 10% off orders over $100')).toBeTruthy();
    expect(list().querySelector('[data-status="nudge"]')).not.toBeNull();
  });

  it('a nudge takes the place of a tier the cart stopped qualifying for, and the line stays in place while the cart is re-priced', async () => {
    const { rerender } = renderWithProvider(<Cart goods={12000} nudges={[nudge]} />);
    await waitFor(() => expect(within(list()).getByText('10% off orders over $100 — −$12.50')).toBeTruthy());
    const before = within(list()).getAllByRole('listitem').length;
    rerender(<Cart goods={9000} nudges={[nudge]} />);
    // While the smaller cart is qualified and priced, the same lines stay.
    expect(within(list()).getAllByRole('listitem')).toHaveLength(before);
    await waitFor(() => expect(within(list()).getByText('Add $12.02 more for 10% off orders over $100')).toBeTruthy());
    expect(within(list()).getAllByRole('listitem')).toHaveLength(before);
  });

  it('headless: the getters name the list, mark each line and give one polite live region', async () => {
    const { rerender } = renderWithProvider(<Cart goods={6000} headless />);
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy());
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    rerender(<Cart goods={3000} headless />);
    await waitFor(() => expect(region.textContent).toBe('Free shipping on orders over $50 no longer applies'));
    expect(list().querySelector('[data-status="removed"]')?.textContent).toBe('Free shipping on orders over $50 — no longer applies to your cart');
  });

  it('speaks the pack of the provider', async () => {
    renderWithProvider(<Cart goods={12000} />, { messages: deMessages, locale: 'de-DE' });
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — automatisch angewendet')).toBeTruthy());
    await waitFor(() => expect(within(list()).getByText('10% off orders over $100 — −12,50 $')).toBeTruthy());
  });

  it('without promotions the field keeps its one validation: nothing of this list is asked for', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox'), 'SAVE10{Enter}');
    await waitFor(() => expect(screen.getByText('$10.00 off')).toBeTruthy());
    expect(validations()).toBe(1);
    expect(sandbox.state.requests.filter((r) => r.path === '/client/v1/qualifications')).toHaveLength(0);
  });
});
