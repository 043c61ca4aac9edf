import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { VoucherField } from 'voucherkit';
import { cart } from './support/carts.js';
import { SLOW } from './support/play.js';
import { sandboxStory } from './support/sandboxStory.js';
import './support/columns.css';

/** The columns a checkout gives the field: a small phone, a phone, a full-width desktop form. */
const widths = [280, 390, 1280];

/**
 * The story's field three times, in columns of 280, 390 and 1280 px: the same state side by side, as the screenshot
 * tests (test/visual) see it. Each copy is its own field (its own ids, its own request).
 */
const inColumns: Decorator = (Story) => (
  <div className="story-columns">
    {widths.map((width) => (
      <figure key={width} className={`story-column story-column-${width}`}>
        <figcaption>{width} px</figcaption>
        <Story />
        <p className="story-below">Subtotal $67.50</p>
      </figure>
    ))}
  </div>
);

/** The field's seven states at three container widths, for design review (issue 24). */
const meta = {
  title: 'Voucher/VoucherField/States',
  component: VoucherField,
  tags: ['!autodocs'],
  args: { order: cart },
  decorators: [inColumns],
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

const fields = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('.voucher-field')];
/** Waits until every copy of the field is in `state` (its data-state). */
const allIn = async (canvasElement: HTMLElement, state: string) =>
  waitFor(() => expect(fields(canvasElement).map((f) => f.dataset.state)).toEqual(widths.map(() => state)), SLOW);

/** Collapsed: the disclosure's line and nothing more. */
export const Collapsed: Story = {
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, 'idle');
  },
};

/** Open: the label above the input and Apply on one row, the hint below. */
export const Open: Story = {
  args: { defaultOpen: true, messages: { hint: 'Your code is in the welcome e-mail' } },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('textbox', { name: 'Promo code' })).toHaveLength(3);
  },
};

/** Checking: "Applying…", and the error line reserved for the answer. */
export const Checking: Story = {
  ...sandboxStory({ faults: [{ kind: 'hang', path: '/client/v1/validations' }] }),
  args: { initialCode: 'SAVE10' },
  parameters: { voucherProvider: { timeoutMs: 600_000 } },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, 'pending');
  },
};

/** Rejected: the reason under the row; the typed code stays. */
export const Rejected: Story = {
  args: { initialCode: 'EXPIRED' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByText('EXPIRED has expired', { selector: '.voucher-field__error' })).toHaveLength(3), SLOW);
  },
};

/** Applied: the chip row and nothing more. */
export const Applied: Story = {
  args: { defaultCodes: ['PERCENT15'] },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, 'valid');
  },
};

/** Two codes stacked: one chip each, the disclosure above for a third. */
export const StackedTwoCodes: Story = {
  args: { stacking: true, defaultCodes: ['SAVE10', 'PERCENT15'] },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, 'valid');
  },
};

/** The service failed: the error under the row, Apply to try again. */
export const ServiceError: Story = {
  ...sandboxStory({ faults: [{ kind: 'status', status: 503, path: '/client/v1/validations' }] }),
  args: { initialCode: 'SAVE10' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.voucher-field__error')).toHaveLength(3), SLOW);
  },
};
