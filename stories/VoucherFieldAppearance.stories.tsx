import { darkThemeColors } from './support/darkTheme.js';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, waitFor } from 'storybook/test';
import { VoucherField, type VoucherMessagesInput } from 'voucherkit';
import { SEED_VOUCHERS } from 'voucherkit/sandbox';
import { cart } from './support/carts.js';
import { enterCode, expectApplied, expectRejected, SLOW } from './support/play.js';
import { sandboxStory } from './support/sandboxStory.js';

/** How the field looks in other hands: no theme, a brand theme, long codes, right-to-left, a phone. */
const meta = {
  title: 'Voucher/VoucherField/Appearance',
  component: VoucherField,
  tags: ['!autodocs'],
  args: { order: cart },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `unstyled`: the default theme is off (class names and `data-state` stay), for your own CSS. */
export const Unstyled: Story = {
  args: { unstyled: true, defaultOpen: true },
  play: async (context) => {
    const field = context.canvasElement.querySelector('.voucher-field');
    await expect(field).toHaveAttribute('data-unstyled', 'true');
    await expect(getComputedStyle(field!).display).toBe('block');
    await expectApplied(context, 'SAVE10', /\$10\.00 off/);
    await expect(field).toHaveAttribute('data-state', 'valid');
  },
};

const darkTheme = {
  ...darkThemeColors,
  '--voucherkit-radius': '999px',
  '--voucherkit-font': "Georgia, 'Times New Roman', serif",
} as CSSProperties;

/** A brand theme from the `--voucherkit-*` custom properties alone: dark, pill-shaped, serif. */
export const Themed: Story = {
  args: { style: darkTheme },
  decorators: [
    (Story) => (
      <div style={{ padding: 24, background: '#0f172a', color: '#f3f4f6', borderRadius: 12 }}>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    await expectApplied(context, 'PERCENT15', /15% off/);
    const chip = context.canvas.getByRole('listitem');
    await expect(getComputedStyle(chip).borderTopLeftRadius).toBe('999px');
  },
};

const longCode = 'WELCOME-BACK-SPRING-2025-LOYALTY-MEMBERS-EXTRA';
const withLongCode = sandboxStory({
  vouchers: [...SEED_VOUCHERS, { code: longCode, type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 15 } }],
});

/** A 46-character code in a 360 px column: the chip wraps instead of overflowing. */
export const LongCode: Story = {
  ...withLongCode,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 360 }}>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    await expectApplied(context, longCode, /15% off/);
    const chip = context.canvas.getByRole('listitem');
    await expect(chip.scrollWidth).toBeLessThanOrEqual(chip.clientWidth);
  },
};

const hebrew: VoucherMessagesInput = {
  toggle: 'יש לך קוד הנחה?',
  label: 'קוד הנחה',
  apply: 'החלה',
  applying: 'בודקים…',
  remove: 'הסרה',
  removeLabel: 'הסרה של הקוד {code}',
  removed: 'הקוד הוסר',
  checking: 'בודקים את הקוד…',
  errorPrefix: 'שגיאה:',
  discountAmount: '{value} הנחה',
  discountPercent: '{value} הנחה',
  applied: (p) => `הקוד ${p.code} הוחל: ${p.discount}${p.amount ? `, חסכת ${p.amount}` : ''}`,
  rejections: { not_found: 'לא מצאנו את הקוד {code}. כדאי לבדוק את הקוד ולנסות שוב' },
};

/** Right-to-left with Hebrew texts and shekels: logical properties mirror the layout by themselves. */
export const RightToLeft: Story = {
  args: { messages: hebrew, currency: 'ILS', locale: 'he-IL' },
  decorators: [
    (Story) => (
      <div dir="rtl" lang="he" style={{ maxWidth: 420 }}>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    await enterCode(context, 'SAVE10', { toggle: 'יש לך קוד הנחה?', label: 'קוד הנחה' });
    const remove = await context.canvas.findByRole('button', { name: 'הסרה של הקוד SAVE10' }, SLOW);
    await waitFor(() => expect(remove).toHaveFocus());
    await waitFor(() => expect(context.canvas.getByRole('status')).toHaveTextContent('הקוד SAVE10 הוחל'));
  },
};

/** A 320 px phone column: controls keep 44 px targets and the error wraps under the input. */
export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    await expectRejected(context, 'SPRING-SALE', "We couldn't find SPRING-SALE. Check the code in your e-mail and try again");
    const apply = context.canvas.getByRole('button', { name: 'Apply' });
    await expect(apply.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expect(context.canvasElement.scrollWidth).toBeLessThanOrEqual(context.canvasElement.clientWidth);
  },
};
