// Per-block preludes for codeBlocks.test.ts, keyed `file › heading #n` (the n-th block under that heading).
// A prelude only declares what the text says the reader brings (their cart store, their payment call) or what
// an earlier block of the same section defined; everything else a block uses, it must import or define.

/** Where a block is compiled, and the `declare` lines prepended to it (module-scoped). */
export interface Prelude {
  /** `bundler`: a Vite/Next app (DOM, JSX, bundler resolution). `node`: a Node server (node16, no DOM lib). */
  project: 'bundler' | 'node';
  /** A file name other blocks import it by (`Checkout.tsx`, `cart.ts`); else one is derived from the key. */
  file?: string;
  lines?: string[];
}

export const preludes: Record<string, Prelude> = {
  'README.md › Quickstart: Vite (or any React SPA) #1': { project: 'bundler', file: 'main.tsx' },
  'README.md › Quickstart: Vite (or any React SPA) #2': { project: 'bundler', file: 'Checkout.tsx' },
  'README.md › Quickstart: Vite (or any React SPA) #3': { project: 'node' },
  'README.md › Quickstart: Next.js (App Router) #1': { project: 'bundler' },
  'README.md › Quickstart: Next.js (App Router) #2': { project: 'bundler' },
  'README.md › Quickstart: Next.js (App Router) #3': { project: 'bundler' },
  'README.md › Quickstart: your own markup (hooks only) #1': { project: 'bundler' },
  'README.md › Testing with the sandbox #1': { project: 'node' },
  'docs/README-sections.md › Quickstart: Vite (or any React SPA) #1': { project: 'bundler' },
  'docs/README-sections.md › Quickstart: Vite (or any React SPA) #2': { project: 'bundler' },
  'docs/README-sections.md › Quickstart: Vite (or any React SPA) #3': { project: 'node' },
  'docs/README-sections.md › Quickstart: Next.js (App Router) #1': { project: 'bundler' },
  'docs/README-sections.md › Quickstart: Next.js (App Router) #2': { project: 'bundler' },
  'docs/README-sections.md › Quickstart: Next.js (App Router) #3': { project: 'bundler' },
  'docs/README-sections.md › Quickstart: your own markup (hooks only) #1': { project: 'bundler' },
  'docs/server.md › `voucherkit/server` #1': { project: 'node' },
  'docs/server.md › Next.js App Router route handler (`app/api/checkout/route.ts`) #1': { project: 'bundler' },
  'docs/server.md › Express 5 #1': { project: 'node' },
  'docs/server.md › Plain Fetch API server (Bun, Deno 2, Cloudflare Workers; Hono) #1': { project: 'node' },
  'docs/server.md › Redeem exactly once: the order-id idempotency pattern #1': {
    project: 'node',
    lines: ["declare const voucherify: import('voucherkit/server').VoucherifyServer;"],
  },
  'docs/server.md › Several servers: Redis #1': { project: 'node', lines: ["declare const voucherify: import('voucherkit/server').VoucherifyServer;"] },
  'docs/server.md › Several servers: Redis #2': { project: 'node', lines: ["import { createRedisRedeemStore } from 'voucherkit/server';"] },
  'docs/server.md › Several servers: Postgres #2': { project: 'node' },
  'docs/server.md › Testing your checkout #1': { project: 'node' },
};
