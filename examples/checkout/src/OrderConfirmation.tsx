import { useEffect, useRef } from 'react';
import { DetailRow } from './DetailRow.js';
import { useVoucherify } from 'voucherkit';
import type { PlacedOrder } from './orderApi.js';
import { money } from './money.js';

interface OrderConfirmationProps {
  placed: PlacedOrder;
  onNewOrder(): void;
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
        <table className="details">
          <caption>Order</caption>
          <tbody>
            <DetailRow label="Order number">{placed.orderId}</DetailRow>
            <DetailRow label="Subtotal">{money(placed.amount)}</DetailRow>
            <DetailRow label="Discount">{money(placed.discount)}</DetailRow>
            <DetailRow label="Total">{money(placed.total)}</DetailRow>
          </tbody>
        </table>
        {placed.promotions.length > 0 ? (
          <>
            <h2 className="shop-subtitle">Promotions applied</h2>
            <ul className="shop-list" aria-label="Promotions applied">
              {placed.promotions.map((promotion) => (
                <li key={promotion.id}>{promotion.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        {placed.giftCards.length > 0 ? (
          <table className="details">
            <caption>Gift cards</caption>
            <tbody>
              {placed.giftCards.map((card) => (
                <DetailRow key={card.code} label={`Gift card ${card.code}`}>
                  {money(card.credits)} used{card.balance !== null ? `, ${money(card.balance)} left` : ''}
                </DetailRow>
              ))}
            </tbody>
          </table>
        ) : null}
        {placed.totalMismatch ? (
          <p className="shop-note">
            The total changed after the page showed {money(placed.totalMismatch.expected)} (a promotion ended or its budget ran out): you were charged the total
            Voucherify redeemed.
          </p>
        ) : null}
        {redemption ? (
          <>
            <table className="details">
              <caption>Voucherify</caption>
              <tbody>
                <DetailRow label="Redemption id">
                  <code>{redemption.id}</code>
                </DetailRow>
                <DetailRow label="Redeemed code">{placed.redemptions.flatMap((r) => (r.code ? [r.code] : [])).join(', ') || '— (promotions only)'}</DetailRow>
                <DetailRow label="Customer id">
                  <code>{placed.customer?.id ?? '—'}</code>
                </DetailRow>
                <DetailRow label="Customer source id">
                  <code>{placed.customer?.sourceId ?? '—'}</code>
                </DetailRow>
                <DetailRow label="Browser tracking id">
                  <code>{trackingId ?? '—'}</code>
                </DetailRow>
              </tbody>
            </table>
            <p className={linked ? 'shop-note shop-note-ok' : 'shop-note'}>
              {linked
                ? 'The customer’s source id is the tracking id from your cookie: Voucherify links this order to the codes you checked in the browser.'
                : 'No tracking id reached the server (cookie off or cleared), so this redemption is not linked to the browser’s validations.'}
            </p>
          </>
        ) : (
          <p className="shop-note">No code was applied and no promotion applied, so nothing was redeemed.</p>
        )}
        <button type="button" className="shop-button shop-button-secondary" onClick={onNewOrder}>
          Start a new order
        </button>
      </section>
    </main>
  );
}
