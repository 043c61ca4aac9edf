// Per-block preludes for codeBlocks.test.ts, keyed `file › heading #n` (the n-th block under that heading).
// A prelude only declares what the text says the reader brings (their cart store, their payment call) or what
// an earlier block of the same section defined; everything else a block uses, it must import or define.

/** Where a block is compiled, and the `declare` lines prepended to it (module-scoped). */
export interface Prelude {
  /**
   * `bundler`: a Vite/Next app (DOM, JSX, bundler resolution). `node`: a Node server (node16, no DOM lib).
   * `both`: a module both sides import (the cart).
   */
  project: 'bundler' | 'node' | 'both';
  /** A file name other blocks import it by (`Checkout.tsx`, `cart.ts`); else one is derived from the key. */
  file?: string;
  lines?: string[];
}

const server = "declare const voucherify: import('voucherkit/server').VoucherifyServer;";
/** "your session middleware": how a server finds the shopper's cart (never from the body). */
const sessionCartId = "declare function sessionCartId(request: Request | import('node:http').IncomingMessage): string | null;";

export const preludes: Record<string, Prelude> = {
  // "`loadCart(cartId)` stands for your own code."
  'README.md › The cart these examples use #1': {
    project: 'both',
    file: 'cart.ts',
    lines: ['export declare function loadCart(cartId: string): Promise<Cart>;'],
  },
  'README.md › Quickstart: Vite (or any React SPA) #1': { project: 'bundler', file: 'main.tsx' },
  'README.md › Quickstart: Vite (or any React SPA) #2': { project: 'bundler', file: 'Checkout.tsx' },
  // "`sessionCartId(req)` (your session middleware) and `chargePayment` (your payment provider)"
  'README.md › Quickstart: Vite (or any React SPA) #3': {
    project: 'node',
    lines: [sessionCartId, 'declare function chargePayment(orderId: string, amountInMinorUnits: number): Promise<void>;'],
  },
  'README.md › Quickstart: Next.js (App Router) #1': { project: 'bundler', file: 'layout.tsx' },
  'README.md › Quickstart: Next.js (App Router) #2': { project: 'bundler', file: 'page.tsx' },
  'README.md › Quickstart: Next.js (App Router) #3': { project: 'bundler', file: 'CheckoutForm.tsx' },
  'README.md › Quickstart: Next.js (App Router) #4': { project: 'bundler', file: 'route.ts' },
  'README.md › Quickstart: your own markup (hooks only) #1': { project: 'bundler' },
  'README.md › Without React: the same state machine #1': { project: 'bundler' },
  'README.md › Testing with the sandbox #1': { project: 'node' },
  'docs/sandbox.md › Your own #1': { project: 'node' },
  'README.md › Automatic promotions #1': { project: 'bundler', file: 'PromotionSummary.tsx' },
  'README.md › Currencies and languages #1': { project: 'bundler', file: 'GermanCheckout.tsx' },
  'README.md › Currencies and languages #2': { project: 'bundler', file: 'JapaneseCheckout.tsx' },
  'docs/server.md › `voucherkit/server` #1': { project: 'node' },
  'docs/server.md › Next.js App Router route handler (`app/api/checkout/route.ts`) #1': { project: 'bundler' },
  'docs/server.md › Node: Express 5 #1': { project: 'node', lines: [sessionCartId] },
  // The shared Fetch handler: the runtime sections import it as './checkout.js' (or '@/lib/checkout' in Next.js).
  'docs/server.md › One Fetch handler for every Fetch-API runtime (`checkout.ts`) #1': { project: 'both', file: 'checkout.ts', lines: [sessionCartId] },
  'docs/server.md › Cloudflare Workers (`src/index.ts`) #1': { project: 'node' },
  // The runtimes' own globals, as far as the section uses them (`deno check` and `bun-types` type them in a real app).
  'docs/server.md › Deno 2 (`main.ts`) #1': {
    project: 'node',
    lines: [
      'declare const Deno: { serve(options: { port: number }, handler: (request: Request) => Promise<Response>): unknown; env: { get(name: string): string | undefined } };',
    ],
  },
  'docs/server.md › Bun (`server.ts`) #1': {
    project: 'node',
    lines: ['declare const Bun: { serve(options: { port: number; fetch: (request: Request) => Promise<Response> }): unknown };'],
  },
  'docs/server.md › Next.js on the edge runtime, and Vercel Edge Functions #1': { project: 'bundler' },
  // A React Router app: Vite, bundler resolution, its `~/*` alias for app/.
  'docs/server.md › React Router 7 / Remix loaders and actions #1': { project: 'bundler', lines: [sessionCartId] },
  // Continues the quickstarts: their `voucherify`, the posted codes, the request and the session's cart.
  'docs/server.md › Redeem exactly once: the order-id idempotency pattern #1': {
    project: 'node',
    lines: [
      "import { toOrder, type Cart } from './cart.js';",
      server,
      'declare const codes: string[];',
      'declare const request: Request;',
      'declare const cart: Cart;',
    ],
  },
  // Continues the section: `voucherify` from the quickstarts, then the node-redis block's import.
  'docs/server.md › Several servers: Redis #1': { project: 'node', lines: [server] },
  'docs/server.md › Several servers: Redis #2': { project: 'node', lines: ["import { createRedisRedeemStore } from 'voucherkit/server';"] },
  'docs/server.md › Several servers: Postgres #1': { project: 'node', lines: [server] },
  'docs/server.md › Several servers: Postgres #2': { project: 'node', lines: ["import { createPostgresRedeemStore } from 'voucherkit/server';"] },
  'docs/server.md › Testing your checkout #1': { project: 'node' },
  'docs/gift-cards.md › In the browser #1': { project: 'bundler', file: 'GiftCardCheckout.tsx' },
  'docs/gift-cards.md › On the server #1': { project: 'node' },
  'docs/gift-cards.md › Next.js route handler (`app/api/gift-card-balance/route.ts`) #1': { project: 'bundler' },
  'docs/gift-cards.md › Express 5 #1': { project: 'node' },
  // The recipe takes its `redeemOnce` as a parameter: nothing to declare.
  'docs/server.md › Reconciling an unknown outcome #1': { project: 'node' },
  // "`payments.charge` stands for your payment provider."
  'docs/server.md › Payment failed after redeem #1': {
    project: 'node',
    lines: [server, 'declare const payments: { charge(orderId: string, amountInMinorUnits: number): Promise<void> };'],
  },
  'docs/server.md › Payment failed after redeem #2': {
    project: 'node',
    lines: ['declare const payments: { charge(orderId: string, amountInMinorUnits: number): Promise<void> };'],
  },
  // "`saveToCheckout` stores the key with your checkout."
  'docs/server.md › A limited code taken by someone else between validate and pay #1': {
    project: 'node',
    lines: [server, 'declare function saveToCheckout(hold: { sessionKey: string; expiresAt: Date }): Promise<void>;'],
  },
  // docs/personal-codes.md: the server instance the route imports as '@/lib/voucherify'; `currentUser` and `sessionUser` are "your auth".
  'docs/personal-codes.md › The allow-list #1': { project: 'both', file: 'voucherify.ts' },
  'docs/personal-codes.md › Next.js route handler (`app/api/welcome-code/route.ts`) #1': {
    project: 'bundler',
    lines: ['declare function currentUser(request: Request): Promise<{ id: string } | null>;'],
  },
  'docs/personal-codes.md › Express 5 #1': {
    project: 'node',
    lines: ["declare function sessionUser(req: import('node:http').IncomingMessage): { id: string } | null;"],
  },
  'docs/personal-codes.md › The page: apply the code #1': { project: 'bundler', file: 'WelcomeCode.tsx' },
  // docs/promotions.md: the README's cart module; "your session middleware" as in docs/server.md.
  'docs/promotions.md › Redeem the codes and the tiers that qualify now #1': { project: 'node' },
  'docs/promotions.md › A nudges route: Next.js App Router (`app/api/nudges/route.ts`) #1': { project: 'bundler' },
  'docs/promotions.md › A nudges route: Express 5 #1': { project: 'node', lines: [sessionCartId] },
  'docs/promotions.md › React: `usePromotions` and `<PromotionList>` #1': { project: 'bundler', file: 'PromotionCheckout.tsx' },
  'docs/promotions.md › The browser side (voucherkit/core) #1': { project: 'bundler' },
};
