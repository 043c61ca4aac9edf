import { useEffect, useRef } from 'react';
import { DetailRow } from './DetailRow.js';
import type { DeclinedPayment } from './orderApi.js';

/**
 * The answer to a declined card: what happened to the order and the code, and Voucherify's rollback id.
 * Render it with `key={declined.orderId}` so each decline announces and takes focus anew.
 */
export function PaymentDeclined({ declined }: { declined: DeclinedPayment }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // As on the confirmation, focus moves to the answer: the shopper pressed "Place order" and this is what it did.
  // role="alert" announces it even where focus moves are not read (the pattern of GOV.UK's error summary).
  useEffect(() => heading.current?.focus(), []);
  const title = declined.released ? 'Payment declined' : 'Payment declined: your code may still be used';

  return (
    <div className="shop-alert shop-declined" role="alert" aria-labelledby="declined-title">
      <h3 id="declined-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>{declined.message}</p>
      <table className="details">
        <caption className="visually-hidden">Declined order</caption>
        <tbody>
          <DetailRow label="Order number">{declined.orderId}</DetailRow>
          <DetailRow label="Rollback id">
            {declined.rollbackId ? <code>{declined.rollbackId}</code> : declined.codes.length > 0 ? 'none: the rollback failed' : 'none: no code was redeemed'}
          </DetailRow>
        </tbody>
      </table>
    </div>
  );
}
