import type { HttpHandler } from 'msw';
import { createSandbox, type SandboxOptions } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';

/**
 * Story annotations that answer the story's API calls from its own sandbox (faults, extra vouchers), reset
 * before each run. `before` handlers take precedence, for failures the sandbox does not model (a dropped
 * connection).
 *
 * @example
 * export const RateLimited: Story = { ...sandboxStory({ faults: [{ kind: 'rate_limit', retryAfterSeconds: 30 }] }) }
 */
export function sandboxStory(options: SandboxOptions = {}, before: HttpHandler[] = []) {
  const sandbox = createSandbox(options);
  return {
    parameters: { msw: [...before, ...sandboxHandlers(sandbox)] },
    beforeEach: () => {
      sandbox.reset();
    },
  };
}
