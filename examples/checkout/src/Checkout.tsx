import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { usePromotions, useValidate, useVoucherify, voucherKeys } from 'voucherkit';
import { CartList } from './CartList.js';
import { INITIAL_CART, priceCart, type CartLine } from './catalogue.js';
import { ContactFields, looksLikeEmail } from './ContactFields.js';
import { OrderConfirmation } from './OrderConfirmation.js';
import { OrderSummary } from './OrderSummary.js';
import { placeOrder, type DeclinedPayment, type PlacedOrder } from './orderApi.js';
import { PaymentFields } from './PaymentFields.js';
import { useNudges } from './useNudges.js';

interface CheckoutProps {
  isSandbox: boolean;
  consent: boolean;
  onConsentChange(consent: boolean): void;
}

const freshCart = () => INITIAL_CART.map((line) => ({ ...line }));

/** The chosen credits of the applied codes; undefined when none was chosen (each card then covers what it can). */
function pickCredits(credits: Record<string, number>, codes: readonly string[]): Record<string, number> | undefined {
  const kept = Object.entries(credits).filter(([code]) => codes.includes(code));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The checkout form: cart, contact, summary with the voucher field, and the order confirmation after it. */
export function Checkout({ isSandbox, consent, onConsentChange }: CheckoutProps) {
  const [cart, setCart] = useState<CartLine[]>(freshCart);
  const [codes, setCodes] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [checkoutId, setCheckoutId] = useState(() => crypto.randomUUID());
  const [isPlacing, setPlacing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const [simulateDecline, setSimulateDecline] = useState(false);
  const [declined, setDeclined] = useState<DeclinedPayment | null>(null);
  const { client, identity, setIdentity } = useVoucherify();
  const queryClient = useQueryClient();
  const [chosenCredits, setGiftCredits] = useState<Record<string, number>>({});
  const order = useMemo(() => priceCart(cart), [cart]);
  const nudges = useNudges(cart, identity);
  // The codes and the tiers the cart earns, in ONE validation: the field asks the same query through `fieldProps`.
  const promotions = usePromotions({ order, codes, mode: 'auto', nudges });
  // A gift card amount the shopper chose is an input of the field's query: the totals then read that one (same key:
  // no extra request). Credits of a removed card are dropped.
  const giftCredits = pickCredits(chosenCredits, codes);
  const { order: pricedOrder, customer, metadata, promotions: tiers } = promotions.fieldProps;
  const withCredits = useValidate(codes, {
    order: pricedOrder,
    customer,
    metadata,
    promotions: tiers,
    giftCredits,
    debounceMs: 0,
    enabled: giftCredits !== undefined,
  });
  const verdict = giftCredits ? withCredits.data : promotions.validation.data;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPlacing) return;
    setProblem(null);
    setDeclined(null);
    setPlacing(true);
    try {
      const typed = email.trim();
      const contact = looksLikeEmail(typed) ? typed : undefined;
      const redeemable = verdict?.valid === false ? [] : codes;
      const shown = verdict?.valid ? verdict.order?.totalAmount : undefined;
      if (contact && contact !== identity) {
        // A new identity drops the old tracking id; one validation links the e-mail and stores the new id
        // in the cookie before the server reads it.
        setIdentity(contact);
        if (redeemable.length > 0) await client.validate({ codes: redeemable, order }).catch(() => undefined);
      }
      const outcome = await placeOrder({
        checkoutId,
        cart,
        codes: redeemable,
        simulateDecline,
        ...(contact ? { email: contact } : {}),
        ...(giftCredits ? { giftCredits } : {}),
        ...(shown !== undefined ? { expectedTotal: shown } : {}),
      });
      // A redeem (kept or rolled back) changed what the codes and tiers can do: cached answers (fresh for 5 minutes)
      // must not show a used-up code as applicable. The applied code's own query refetches at once.
      void queryClient.invalidateQueries({ queryKey: voucherKeys.validations() });
      if (outcome.placed) setPlaced(outcome.placed);
      else {
        // The server settled that order id for good (declined): the next attempt is a new order.
        setCheckoutId(crypto.randomUUID());
        // The code stays applied: the rollback gave its use back, so the re-checked answer still holds; had the
        // rollback failed, a limited code now used up shows as the field's own error.
        setDeclined(outcome.declined);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setPlacing(false);
    }
  }

  if (placed) {
    return (
      <OrderConfirmation
        placed={placed}
        onNewOrder={() => {
          setPlaced(null);
          setDeclined(null);
          setCart(freshCart());
          setCodes([]);
          setGiftCredits({});
          setCheckoutId(crypto.randomUUID());
        }}
      />
    );
  }

  return (
    <main className="shop-main">
      <h1 className="shop-title">Checkout</h1>
      <form className="shop-grid" onSubmit={handleSubmit} noValidate>
        <div className="shop-column">
          <section className="shop-card" aria-labelledby="cart-title">
            <h2 id="cart-title">Your cart</h2>
            <CartList
              cart={cart}
              onQuantityChange={(productId, quantity) => setCart((lines) => lines.map((line) => (line.productId === productId ? { ...line, quantity } : line)))}
            />
          </section>
          <section className="shop-card" aria-labelledby="contact-title">
            <h2 id="contact-title">Contact</h2>
            <ContactFields isSandbox={isSandbox} email={email} onEmailChange={setEmail} consent={consent} onConsentChange={onConsentChange} />
          </section>
          <section className="shop-card" aria-labelledby="payment-title">
            <h2 id="payment-title">Payment</h2>
            <PaymentFields simulateDecline={simulateDecline} onSimulateDeclineChange={setSimulateDecline} />
          </section>
        </div>
        <OrderSummary
          order={order}
          verdict={verdict}
          promotions={promotions}
          nudges={nudges}
          codes={codes}
          onCodesChange={setCodes}
          onGiftCreditsChange={setGiftCredits}
          isPlacing={isPlacing}
          problem={problem}
          declined={declined}
        />
      </form>
    </main>
  );
}
