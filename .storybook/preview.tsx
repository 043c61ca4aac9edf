import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import 'voucherkit/styles.css';
import 'voucherkit/promotions.css';
import './preview.css';

/** The sandbox every story talks to unless it brings its own (for faults or extra vouchers). */
const sandbox = createSandbox();

/**
 * Every story renders inside a fresh `VoucherProvider` on the sandbox keys (keyed on the story, so no query
 * cache or tracker leaks between stories). A story tunes it with `parameters.voucherProvider`, or opts out
 * with `false` to render its own.
 */
const withVoucherProvider: Decorator = (Story, { id, parameters }) => {
  const props = parameters.voucherProvider as Partial<VoucherProviderProps> | false | undefined;
  if (props === false) return <Story />;
  return (
    <VoucherProvider
      key={id}
      clientApplicationId={SANDBOX_KEYS.clientApplicationId}
      clientToken={SANDBOX_KEYS.clientToken}
      currency="USD"
      locale="en-US"
      {...props}
    >
      <Story />
    </VoucherProvider>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader()],
  decorators: [withVoucherProvider],
  beforeEach() {
    // Each story starts as an anonymous shopper on fresh sandbox state.
    document.cookie = 'voucherify_tracking_id=; Max-Age=0; Path=/';
    sandbox.reset();
  },
  parameters: {
    msw: sandboxHandlers(sandbox),
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Violations fail the story's test, in the vitest run and in the UI's test panel.
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
  },
};

export default preview;
