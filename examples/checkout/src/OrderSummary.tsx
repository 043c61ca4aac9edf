import { VoucherField, type ValidationResult } from 'voucherkit';
import type { PricedOrder } from './catalogue.js';
import { DetailRow } from './DetailRow.js';
import { money } from './money.js';
import type { DeclinedPayment } from './orderApi.js';
import { PaymentDeclined } from './PaymentDeclined.js';

interface OrderSummaryProps {
  order: PricedOrder;
  /** The latest validation of the applied code for this cart; undefined without a code. */
  verdict: ValidationResult | undefined;
  isPlacing: boolean;
  problem: string | null;
  /** The last "Place order" ended in a declined card. */
  declined: DeclinedPayment | null;
  onApplied(result: ValidationResult, code: string): void;
  onRemoved(code: string): void;
}

/** Totals as Voucherify computed them for the applied code, the voucher field, and the place-order button. */
export function OrderSummary({ order, verdict, isPlacing, problem, declined, onApplied, onRemoved }: OrderSummaryProps) {
  const totals = verdict?.valid ? verdict.order : null;
  const subtotal = totals?.amount ?? order.amount;
  const discount = totals?.totalDiscountAmount ?? 0;
  const total = totals?.totalAmount ?? order.amount;
  const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0);

  return (
    <section className="shop-card shop-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Order summary</h2>
      <VoucherField order={order} onApplied={onApplied} onRemoved={onRemoved} />
      <table className="summary-table">
        <caption className="visually-hidden">Totals</caption>
        <tbody>
          <DetailRow
            label={
              <>
                Subtotal{' '}
                <span className="shop-muted">
                  ({itemCount} {itemCount === 1 ? 'item' : 'items'})
                </span>
              </>
            }
          >
            {money(subtotal)}
          </DetailRow>
          {discount > 0 ? (
            <DetailRow className="summary-discount" label={`Discount${verdict ? ` (${verdict.codes.join(', ')})` : ''}`}>
              −{money(discount)}
            </DetailRow>
          ) : null}
          <DetailRow label="Shipping">Free</DetailRow>
          <DetailRow className="summary-total" label="Total">
            {money(total)}
          </DetailRow>
        </tbody>
      </table>
      {problem ? (
        <p className="shop-alert" role="alert">
          {problem}
        </p>
      ) : null}
      {declined ? <PaymentDeclined key={declined.orderId} declined={declined} /> : null}
      <button type="submit" className="shop-button" aria-disabled={isPlacing || itemCount === 0 || undefined}>
        {isPlacing ? 'Placing order…' : 'Place order'}
      </button>
      <p className="shop-fineprint">Demo shop: no payment is taken. The server prices your cart, redeems the code and fakes the payment.</p>
    </section>
  );
}
