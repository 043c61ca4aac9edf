import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useValidate, useVoucherify, voucherKeys } from 'voucherkit';
import { CartList } from './CartList.js';
import { INITIAL_CART, priceCart, type CartLine } from './catalogue.js';
import { ContactFields, looksLikeEmail } from './ContactFields.js';
import { OrderConfirmation } from './OrderConfirmation.js';
import { OrderSummary } from './OrderSummary.js';
import { placeOrder, type DeclinedPayment, type PlacedOrder } from './orderApi.js';
import { PaymentFields } from './PaymentFields.js';

interface CheckoutProps {
  isSandbox: boolean;
  consent: boolean;
  onConsentChange(consent: boolean): void;
}

const freshCart = () => INITIAL_CART.map((line) => ({ ...line }));

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
  const order = useMemo(() => priceCart(cart), [cart]);
  // The same query the field runs (same codes, cart and tracking id): read from the cache, no extra request.
  const validation = useValidate(codes, { order });
  const verdict = codes.length > 0 ? validation.data : undefined;

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
      if (contact && contact !== identity) {
        // A new identity drops the old tracking id; one validation links the e-mail and stores the new id
        // in the cookie before the server reads it.
        setIdentity(contact);
        if (redeemable.length > 0) await client.validate({ codes: redeemable, order }).catch(() => undefined);
      }
      const outcome = await placeOrder({ checkoutId, cart, codes: redeemable, simulateDecline, ...(contact ? { email: contact } : {}) });
      // A redeem (kept or rolled back) changed what the codes can do: cached answers (fresh for 5 minutes) must not
      // show a used-up code as applicable. The applied code's own query refetches at once.
      if (redeemable.length > 0) void queryClient.invalidateQueries({ queryKey: voucherKeys.validations() });
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
          isPlacing={isPlacing}
          problem={problem}
          declined={declined}
          onApplied={(_, code) => setCodes([code])}
          onRemoved={(code) => setCodes((current) => current.filter((c) => c !== code))}
        />
      </form>
    </main>
  );
}
