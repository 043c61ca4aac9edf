// A real sandbox server for the browser rows that need a real Origin header and real CORS (MSW's service worker
// does not forward Origin): it serves only https://shop.example.com, so the test page's origin is refused.
import { createSandbox, startSandboxServer } from 'voucherkit/sandbox';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a sandbox server whose client API allows only https://shop.example.com. */
    lockedSandboxUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startSandboxServer({ sandbox: createSandbox({ allowedOrigins: ['https://shop.example.com'] }) });
  project.provide('lockedSandboxUrl', server.url);
  return () => server.close();
}
