import { giftCardAmounts, PromotionList, VoucherField, type PromotionNudge, type UsePromotionsResult, type ValidationResult } from 'voucherkit';
import { SHIPPING, type PricedOrder } from './catalogue.js';
import { DetailRow } from './DetailRow.js';
import { money } from './money.js';
import type { DeclinedPayment } from './orderApi.js';
import { PaymentDeclined } from './PaymentDeclined.js';
import { WelcomeOffer } from './WelcomeOffer.js';

interface OrderSummaryProps {
  order: PricedOrder;
  /** The latest validation of the codes and the tiers for this cart; undefined before the first answer. */
  verdict: ValidationResult | undefined;
  promotions: UsePromotionsResult;
  nudges: readonly PromotionNudge[];
  codes: string[];
  onCodesChange(codes: string[]): void;
  onGiftCreditsChange(giftCredits: Record<string, number>): void;
  isPlacing: boolean;
  problem: string | null;
  /** The last "Place order" ended in a declined card. */
  declined: DeclinedPayment | null;
}

/**
 * Totals as Voucherify computed them for the codes and the promotions the cart earns, the promotion lines, the
 * voucher field (stacking, gift card amounts), the welcome-code offer and the place-order button.
 */
export function OrderSummary({
  order,
  verdict,
  promotions,
  nudges,
  codes,
  onCodesChange,
  onGiftCreditsChange,
  isPlacing,
  problem,
  declined,
}: OrderSummaryProps) {
  const totals = verdict?.valid ? verdict.order : null;
  const shipping = order.items.find((item) => item.source_id === SHIPPING.source_id)?.amount ?? 0;
  const subtotal = (totals?.amount ?? order.amount) - shipping;
  const discount = totals?.totalDiscountAmount ?? 0;
  const total = totals?.totalAmount ?? order.amount;
  const itemCount = order.items.reduce((sum, item) => sum + (item.source_id === SHIPPING.source_id ? 0 : item.quantity), 0);

  return (
    <section className="shop-card shop-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Order summary</h2>
      <PromotionList promotions={promotions} nudges={nudges} />
      <VoucherField
        codes={codes}
        onCodesChange={onCodesChange}
        stacking
        giftCardAmounts={giftCardAmounts}
        onGiftCreditsChange={onGiftCreditsChange}
        {...promotions.fieldProps}
      />
      <WelcomeOffer codes={codes} onCodesChange={onCodesChange} />
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
          {shipping > 0 ? <DetailRow label="Shipping">{money(shipping)}</DetailRow> : null}
          {discount > 0 ? (
            <DetailRow className="summary-discount" label="Discounts">
              −{money(discount)}
            </DetailRow>
          ) : null}
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
      <p className="shop-fineprint">
        Demo shop: no payment is taken. The server prices your cart, redeems your codes and the promotions it earns, and fakes the card payment.
      </p>
    </section>
  );
}
