import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { VoucherFieldProps } from 'voucherkit';
import { mountField, startFieldSandbox, textbox, type FrameOptions } from '../support/fieldFrame.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateForcedColors(active: boolean): Promise<void>;
  }
}

// The field's states as pictures (issue 24), compared pixel for pixel with test/visual/__screenshots__/. After a
// deliberate change of the theme: `npx vitest run --project visual --update`, then look at every changed PNG.
const { sandbox, start, stop, reset } = startFieldSandbox();
beforeAll(start);
afterEach(async () => {
  await commands.emulateForcedColors(false);
  reset();
});
afterAll(stop);

/** Focus leaves the field, so no ring or caret is in the picture unless the state is about focus. */
const blur = () => (document.activeElement as HTMLElement | null)?.blur();

/** Each state: how to reach it from a fresh field in the given frame. */
const states: Record<string, (frame: FrameOptions) => Promise<void>> = {
  async collapsed(frame) {
    mountField({}, frame);
    await screen.findByRole('button', { name: 'Have a promo code?' });
  },
  async open(frame) {
    mountField({ messages: { hint: 'Your code is in the welcome e-mail' } }, frame);
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.type(textbox(), 'SAVE10');
  },
  async checking(frame) {
    sandbox.setFaults({ kind: 'hang', path: '/client/v1/validations' });
    mountField({}, frame);
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Applying…' });
    blur();
  },
  async rejected(frame) {
    mountField({}, frame);
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('EXPIRED{Enter}');
    await screen.findByText('EXPIRED has expired', { selector: '.voucher-field__error' });
    blur();
  },
  async applied(frame) {
    mountField({ initialCode: 'PERCENT15' }, frame);
    await screen.findByRole('button', { name: 'Remove code PERCENT15' });
    blur();
  },
  async stacked(frame) {
    const field: VoucherFieldProps = { stacking: true, defaultCodes: ['MIN50', 'SAVE10'], order: { amount: 6000 } };
    mountField(field, frame);
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await waitFor(() => expect(screen.getAllByRole('listitem').map((chip) => chip.getAttribute('data-state'))).toEqual(['valid', 'valid']));
  },
  async error(frame) {
    sandbox.setFaults({ kind: 'status', status: 503, path: '/client/v1/validations' });
    mountField({}, frame);
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('SAVE10{Enter}');
    await waitFor(() => expect(document.querySelector('.voucher-field__error')).not.toBeNull(), { timeout: 10_000 });
    blur();
  },
};

const shoot = (name: string) => expect.element(page.getByTestId('frame')).toMatchScreenshot(name);

describe('VoucherField screenshots: the default theme', () => {
  for (const width of [280, 390, 1280]) {
    for (const [state, reach] of Object.entries(states)) {
      it(`${state} at ${width} px`, async () => {
        await reach({ width });
        await shoot(`${state}-${width}`);
      });
    }
  }
});

/** The states where colours carry meaning: the row, the error, the chips. */
const coloured = ['open', 'rejected', 'applied', 'stacked'];

describe('VoucherField screenshots: a dark theme from the custom properties (390 px)', () => {
  for (const state of coloured) {
    it(state, async () => {
      await states[state]!({ width: 390, dark: true });
      await shoot(`dark-${state}-390`);
    });
  }
});

describe('VoucherField screenshots: forced colours (390 px)', () => {
  for (const state of coloured) {
    it(state, async () => {
      await commands.emulateForcedColors(true);
      await states[state]!({ width: 390 });
      // Forced colours force the caret's colour too, so the screenshot's caret hiding does not hold and a blinking
      // caret made the open state flaky: these shots are about colours, focus rings are covered in the browser tests.
      blur();
      await shoot(`forced-${state}-390`);
    });
  }
});
