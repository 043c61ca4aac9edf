import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { defaultMessages, VoucherField, type VoucherMessages } from 'voucherkit';
import { deMessages } from 'voucherkit/messages/de';
import { esMessages } from 'voucherkit/messages/es';
import { frMessages } from 'voucherkit/messages/fr';
import { itMessages } from 'voucherkit/messages/it';
import { nlMessages } from 'voucherkit/messages/nl';
import { plMessages } from 'voucherkit/messages/pl';
import { ptMessages } from 'voucherkit/messages/pt';
import { cart } from './support/carts.js';

/**
 * The field in each message pack (`voucherkit/messages/<locale>`): the pack chooses the words, `locale` the money
 * and numbers. Each story applies an expired code and reads the rejection in its language.
 */
const meta = {
  title: 'Voucher/VoucherField/Languages',
  component: VoucherField,
  tags: ['!autodocs'],
  args: { order: cart },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the field with the pack's own toggle and label, applies EXPIRED and reads the pack's rejection. */
function inPack(messages: VoucherMessages, locale: string, currency: string): Story {
  return {
    parameters: { voucherProvider: { messages, locale, currency } },
    play: async ({ canvas, userEvent }) => {
      await userEvent.click(canvas.getByRole('button', { name: messages.toggle as string }));
      const input = await canvas.findByRole('textbox', { name: messages.label as string });
      await userEvent.type(input, 'EXPIRED{Enter}');
      const expired = (messages.rejections.voucher_expired as string).replace('{code}', 'EXPIRED');
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(expired), { timeout: 10_000 });
    },
  };
}

export const English = inPack(defaultMessages, 'en-US', 'USD');
export const German = inPack(deMessages, 'de-DE', 'EUR');
export const French = inPack(frMessages, 'fr-FR', 'EUR');
export const Spanish = inPack(esMessages, 'es-ES', 'EUR');
export const Italian = inPack(itMessages, 'it-IT', 'EUR');
export const Dutch = inPack(nlMessages, 'nl-NL', 'EUR');
export const Polish = inPack(plMessages, 'pl-PL', 'PLN');
export const Portuguese = inPack(ptMessages, 'pt-BR', 'BRL');

/**
 * A right-to-left test pack (Arabic words over the English keys it does not translate; not a published pack), in a
 * `dir="rtl"` page with Kuwaiti dinars: the layout mirrors and the money is written the Arabic way.
 */
const rtlTestPack: VoucherMessages = {
  ...defaultMessages,
  locale: 'ar',
  toggle: 'هل لديك رمز ترويجي؟',
  label: 'الرمز الترويجي',
  apply: 'تطبيق',
  applying: 'جارٍ التطبيق…',
  remove: 'إزالة',
  removeLabel: 'إزالة الرمز {code}',
  removed: 'تمت إزالة الرمز',
  errorPrefix: 'خطأ:',
  discountAmount: 'خصم {value}',
  rejections: { ...defaultMessages.rejections, voucher_expired: 'انتهت صلاحية {code}' },
};

export const RightToLeft: Story = {
  ...inPack(rtlTestPack, 'ar-KW', 'KWD'),
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
};
