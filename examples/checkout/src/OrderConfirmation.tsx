import { useEffect, useId, useRef } from 'react';
import { useVoucherify } from 'voucherkit';
import type { PlacedOrder } from './orderApi.js';
import { money } from './money.js';

interface OrderConfirmationProps {
  placed: PlacedOrder;
  onNewOrder(): void;
}

/** One labelled value: the `<dd>` is named by its `<dt>`, so tests and screen readers find it by name. */
function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="detail">
      <dt id={id}>{label}</dt>
      <dd aria-labelledby={id}>{children}</dd>
    </div>
  );
}

/** What the server answered after "Place order": the order, the redemption and the customer Voucherify upserted. */
export function OrderConfirmation({ placed, onNewOrder }: OrderConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { trackingId } = useVoucherify();
  // The form the shopper was in is gone: move focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  const redemption = placed.redemptions[0];
  const linked = placed.customer?.sourceId != null && placed.customer.sourceId === trackingId;

  return (
    <main className="shop-main">
      <section className="shop-card shop-confirmation" aria-labelledby="confirmation-title">
        <h1 id="confirmation-title" ref={heading} tabIndex={-1} className="shop-title">
          Thank you, your order is placed
        </h1>
        <p className="shop-lead">
          You paid {money(placed.total)}
          {placed.discount > 0 ? `, saving ${money(placed.discount)}` : ''}.
        </p>
        <h2>Order</h2>
        <dl className="details">
          <Detail label="Order number">{placed.orderId}</Detail>
          <Detail label="Subtotal">{money(placed.amount)}</Detail>
          <Detail label="Discount">{money(placed.discount)}</Detail>
          <Detail label="Total">{money(placed.total)}</Detail>
        </dl>
        {redemption ? (
          <>
            <h2>Voucherify</h2>
            <dl className="details">
              <Detail label="Redemption id">
                <code>{redemption.id}</code>
              </Detail>
              <Detail label="Redeemed code">{placed.redemptions.map((r) => r.code ?? '—').join(', ')}</Detail>
              <Detail label="Customer id">
                <code>{placed.customer?.id ?? '—'}</code>
              </Detail>
              <Detail label="Customer source id">
                <code>{placed.customer?.sourceId ?? '—'}</code>
              </Detail>
              <Detail label="Browser tracking id">
                <code>{trackingId ?? '—'}</code>
              </Detail>
            </dl>
            <p className={linked ? 'shop-note shop-note-ok' : 'shop-note'}>
              {linked
                ? 'The customer’s source id is the tracking id from your cookie: Voucherify links this order to the codes you checked in the browser.'
                : 'No tracking id reached the server (cookie off or cleared), so this redemption is not linked to the browser’s validations.'}
            </p>
          </>
        ) : (
          <p className="shop-note">No code was applied, so nothing was redeemed.</p>
        )}
        <button type="button" className="shop-button shop-button-secondary" onClick={onNewOrder}>
          Start a new order
        </button>
      </section>
    </main>
  );
}
