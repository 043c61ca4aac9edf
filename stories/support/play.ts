import type { StoryContext } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';

type PlayContext = Pick<StoryContext, 'canvas' | 'userEvent'>;

/** How long a play waits for an answer that goes through retries (network errors back off twice). */
export const SLOW = { timeout: 10_000 };

/**
 * Text queries that skip the live region, which repeats what the field shows (the announcement is checked
 * on its own, through `getByRole('status')`).
 */
export const VISIBLE = { ignore: '[role="status"], script, style' };

/**
 * Opens the disclosure (if there is one), types a code and presses Enter, as a shopper would.
 *
 * @example
 * await enterCode(context, 'SAVE10')
 */
export async function enterCode({ canvas, userEvent }: PlayContext, code: string, options: { label?: string; toggle?: string } = {}) {
  const toggle = canvas.queryByRole('button', { name: options.toggle ?? 'Have a promo code?' });
  const mustOpen = toggle?.getAttribute('aria-expanded') === 'false';
  if (mustOpen) await userEvent.click(toggle!);
  const input = await canvas.findByRole('textbox', { name: options.label ?? 'Promo code' });
  // Opening the disclosure moves focus into the field (APG disclosure pattern).
  if (mustOpen) await waitFor(() => expect(input).toHaveFocus());
  else await userEvent.click(input);
  await userEvent.type(input, code);
  await userEvent.keyboard('{Enter}');
  return input;
}

/**
 * Applies a code and checks what a shopper must see: the chip's Remove button (focused), the saving, and the
 * polite announcement.
 *
 * @example
 * await expectApplied(context, 'PERCENT15', /15% off/)
 */
export async function expectApplied(context: PlayContext, code: string, saving: RegExp) {
  await enterCode(context, code);
  const remove = await context.canvas.findByRole('button', { name: `Remove code ${code}` }, SLOW);
  // The input is gone; focus moves to the chip's Remove button, never to <body>.
  await waitFor(() => expect(remove).toHaveFocus());
  await expect(context.canvas.getByText(saving, VISIBLE)).toBeVisible();
  await expect(context.canvas.getByRole('status')).toHaveTextContent(`${code} applied`);
  await expect(context.canvas.queryByRole('textbox', { name: 'Promo code' })).not.toBeInTheDocument();
}

/**
 * Applies a code that must be refused and checks the field says why: the message, `aria-invalid`, focus kept
 * in the input, the typed code kept.
 *
 * @example
 * await expectRejected(context, 'EXPIRED', 'EXPIRED has expired')
 */
export async function expectRejected(context: PlayContext, code: string, message: string) {
  const input = await enterCode(context, code);
  const error = await context.canvas.findByText(message, VISIBLE, SLOW);
  await expect(error).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
  await expect(input).toHaveFocus();
  await expect(input).toHaveValue(code);
}
