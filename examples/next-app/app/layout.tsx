import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { VoucherProvider } from 'voucherkit';
import { readTrackingId } from 'voucherkit/server';
import 'voucherkit/styles.css';
import { CONSENT_COOKIE, hasMarketingConsent } from '../lib/consent';

export const metadata = { title: 'voucherkit · Next.js example' };

// A server component: it reads the tracking cookie so the first render already knows the shopper.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const consent = hasMarketingConsent((await cookies()).get(CONSENT_COOKIE)?.value);
  // Without consent the id is not passed on (and the provider deletes the cookie after hydration).
  const initialTrackingId = consent ? readTrackingId(await headers()) : null;
  return (
    <html lang="en">
      <body>
        <VoucherProvider
          // Read at request time on the server, so one build runs against the sandbox or any region. The client
          // pair is publishable (fenced by your project's allowed origins); the secret key never goes here.
          clientApplicationId={process.env.VOUCHERIFY_CLIENT_APP_ID!}
          clientToken={process.env.VOUCHERIFY_CLIENT_TOKEN!}
          apiUrl={process.env.VOUCHERIFY_API_URL}
          consent={consent}
          initialTrackingId={initialTrackingId}
          currency="USD"
          locale="en-US"
        >
          {children}
        </VoucherProvider>
      </body>
    </html>
  );
}
