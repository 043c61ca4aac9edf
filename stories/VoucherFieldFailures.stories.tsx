import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn } from 'storybook/test';
import { VoucherField } from 'voucherkit';
import { cart } from './support/carts.js';
import { enterCode, SLOW, VISIBLE } from './support/play.js';
import { sandboxStory } from './support/sandboxStory.js';

/** When the code cannot be checked: the field says so in its own words and never calls the code invalid. */
const meta = {
  title: 'Voucher/VoucherField/Failures',
  component: VoucherField,
  tags: ['!autodocs'],
  args: { order: cart, onError: fn() },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

type Context = Parameters<NonNullable<Story['play']>>[0];

async function expectFailure(context: Context, message: string, kind: string) {
  const input = await enterCode(context, 'SAVE10');
  await expect(await context.canvas.findByText(message, VISIBLE, SLOW)).toBeVisible();
  await expect(input).toHaveFocus();
  await expect(input).toHaveValue('SAVE10');
  // A failed check is not a rejected code.
  await expect(input).not.toHaveAttribute('aria-invalid');
  await expect(context.args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind }), 'SAVE10');
}

/** The connection drops (after the client's two retries with backoff). */
export const NetworkError: Story = {
  ...sandboxStory({}, [http.post('*/client/v1/validations', () => HttpResponse.error())]),
  play: (context) => expectFailure(context, "We couldn't check your code. Check your connection and try again", 'network'),
};

/** Voucherify answers 503 on every try. */
export const ServiceUnavailable: Story = {
  ...sandboxStory({ faults: [{ kind: 'status', status: 503, path: '/client/v1/validations' }] }),
  play: (context) => expectFailure(context, 'Something went wrong while checking your code. Try again', 'api'),
};

/** 429 with Retry-After: the field says how long to wait. */
export const RateLimited: Story = {
  ...sandboxStory({ faults: [{ kind: 'rate_limit', retryAfterSeconds: 30, path: '/client/v1/validations' }] }),
  play: (context) => expectFailure(context, 'Too many attempts. Wait 30 seconds and try again', 'rate_limited'),
};

/** A broken answer (not JSON) is a typed error, not a crash. */
export const MalformedResponse: Story = {
  ...sandboxStory({ faults: [{ kind: 'malformed_json', path: '/client/v1/validations' }] }),
  play: (context) => expectFailure(context, 'Something went wrong while checking your code. Try again', 'invalid_response'),
};
