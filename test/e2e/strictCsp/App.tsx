// The page the strict-CSP test server-renders and hydrates: the README's controlled pattern (one `codes` state
// feeding VoucherField and useValidate) inside the provider. No inline styles of its own: the page brings none,
// so any style attribute or <style> element in it would be voucherkit's.
import { useState } from 'react';
import { formatMoney, useValidate, VoucherField, VoucherProvider } from 'voucherkit';

export interface CspPageConfig {
  apiUrl: string;
  clientApplicationId: string;
  clientToken: string;
}

const CART_TOTAL = 5000;
const order = { amount: CART_TOTAL, items: [{ source_id: 'prod_tee', related_object: 'product' as const, quantity: 2, price: 2500 }] };
const money = (minor: number) => formatMoney(minor, { currency: 'USD', locale: 'en-US' });

function Checkout({ fieldStyle }: { fieldStyle: boolean }) {
  const [codes, setCodes] = useState<string[]>([]);
  const { data } = useValidate(codes, { order });
  const total = data?.valid && data.order ? data.order.totalAmount : CART_TOTAL;
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <VoucherField id="promo" codes={codes} onCodesChange={setCodes} order={order} {...(fieldStyle ? { style: { marginTop: 8 } } : {})} />
      <p>
        Total: <span data-testid="total">{money(total)}</span>
      </p>
    </form>
  );
}

/** `fieldStyle`: the test's control, a merchant-provided inline style on the field (which a strict style-src refuses). */
export function App({ config, fieldStyle = false }: { config: CspPageConfig; fieldStyle?: boolean }) {
  return (
    <VoucherProvider {...config} currency="USD" locale="en-US">
      <main>
        <h1>Checkout</h1>
        <Checkout fieldStyle={fieldStyle} />
      </main>
    </VoucherProvider>
  );
}
