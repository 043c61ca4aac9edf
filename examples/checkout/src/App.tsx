import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { VoucherProvider } from 'voucherkit';
import { Checkout } from './Checkout.js';
import { SHOP } from './catalogue.js';
import type { ClientConfig } from './orderApi.js';

// The packs have no text for a code published to someone else (the sandbox's `voucher_holder_mismatch`): without
// this line the shopper would read the generic "… can't be applied to this order".
const HOLDER_MESSAGES = { rejections: { voucher_holder_mismatch: '{code} is personal: it works only for the account it was sent to' } };

/** The demo shop: one provider around the checkout, bound to the shopper's cookie choice. */
export function App({ config }: { config: ClientConfig }) {
  // A real shop binds this to its consent manager; false keeps the tracking id in memory and deletes the cookie.
  const [consent, setConsent] = useState(true);
  // The app's own QueryClient (voucherkit's peer dependency), which the provider adopts: the checkout
  // invalidates the cached validations once an order changed what a code can do.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <VoucherProvider
        clientApplicationId={config.clientApplicationId}
        clientToken={config.clientToken}
        apiUrl={config.apiUrl}
        consent={consent}
        currency={SHOP.currency}
        locale={SHOP.locale}
        messages={HOLDER_MESSAGES}
      >
        <div className="shop">
          <header className="shop-header">
            <p className="shop-brand">
              <span aria-hidden="true" className="shop-logo">
                ◐
              </span>{' '}
              Kettle &amp; Kiln
            </p>
            <p className="shop-mode">
              {config.mode === 'sandbox' ? 'Sandbox: try a code from the terminal, e.g. SAVE10 or GIFT50' : 'Connected to your Voucherify project'}
            </p>
          </header>
          <Checkout isSandbox={config.mode === 'sandbox'} consent={consent} onConsentChange={setConsent} />
        </div>
      </VoucherProvider>
    </QueryClientProvider>
  );
}
