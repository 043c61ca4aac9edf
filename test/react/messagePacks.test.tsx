import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  defaultMessages,
  defaultPromotionMessages,
  formatMessage,
  VoucherField,
  type PromotionMessagesInput,
  type Message,
  type MessageParams,
  type VoucherMessages,
} from 'voucherkit';
import { deMessages } from 'voucherkit/messages/de';
import { enMessages } from 'voucherkit/messages/en';
import { esMessages } from 'voucherkit/messages/es';
import { frMessages } from 'voucherkit/messages/fr';
import { itMessages } from 'voucherkit/messages/it';
import { nlMessages } from 'voucherkit/messages/nl';
import { plMessages } from 'voucherkit/messages/pl';
import { ptMessages } from 'voucherkit/messages/pt';
import { renderWithProvider, sandbox, setupSandboxServer, statusText } from './harness.js';

setupSandboxServer();

const packs: Record<string, VoucherMessages> = {
  en: enMessages,
  de: deMessages,
  fr: frMessages,
  es: esMessages,
  it: itMessages,
  nl: nlMessages,
  pl: plMessages,
  pt: ptMessages,
};

/** Every message of a pack by a flat key (`rejections.voucher_expired`). */
function flat(messages: VoucherMessages): Record<string, Message> {
  const { rejections, errors, locale: _, promotions: __, ...top } = messages;
  return {
    ...(top as Record<string, Message>),
    ...Object.fromEntries(Object.entries(rejections).map(([k, v]) => [`rejections.${k}`, v])),
    ...Object.fromEntries(Object.entries(errors).map(([k, v]) => [`errors.${k}`, v])),
  };
}

// Distinct values, so a rendered text shows which parameters it used.
const sentinels: Partial<MessageParams> = { code: 'CODE7', discount: 'DISC7', amount: 'AMT7', value: 'VAL7', seconds: 37, maxLength: 41 };
const countFor = (key: string) => (key === 'rejections.too_long' ? 41 : 37);
const used = (text: string) => ['CODE7', 'DISC7', 'AMT7', 'VAL7', '37', '41'].filter((s) => text.includes(s));
const render = (message: Message, key: string, lang: string, extra: Partial<MessageParams> = {}) =>
  formatMessage(message, { ...sentinels, count: countFor(key), locale: 'en-US', ...extra }, lang);
// Texts that may read the same as English in a language: empty ones, and words shared with English.
const sameAsEnglish = new Set(['hint', 'placeholder', 'chip', 'es:errorPrefix']);

describe('message packs: voucherkit/messages/<locale>', () => {
  const english = flat(defaultMessages);

  it('en is the built-in default', () => {
    expect(enMessages).toBe(defaultMessages);
    expect(defaultMessages.locale).toBe('en');
  });

  describe.each(Object.entries(packs))('%s', (lang, pack) => {
    const messages = flat(pack);

    it('has every key of the English messages, and no other', () => {
      expect(pack.locale).toBe(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('uses every placeholder the English text uses, and renders every rejection, error and text in its language', () => {
      for (const [key, message] of Object.entries(messages)) {
        const text = render(message, key, lang);
        expect(used(text), `${lang} ${key}: ${text}`).toEqual(used(render(english[key]!, key, 'en')));
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}|\(s\)|undefined|NaN/);
        if (lang !== 'en' && !sameAsEnglish.has(key) && !sameAsEnglish.has(`${lang}:${key}`)) {
          expect(text, `${lang} ${key} is still English`).not.toBe(render(english[key]!, key, 'en'));
        }
      }
    });

    it('has a plural form for every category its language reaches (0 to 200), in every text with a count', () => {
      const rules = new Intl.PluralRules(lang);
      const reached = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)));
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message !== 'object') continue;
        for (const form of reached) expect(message[form], `${lang} ${key} lacks its "${form}" form`).toBeTypeOf('string');
      }
    });

    it('the chip, the applied announcement and the minimum-spend rejection say the saving once, in the language', () => {
      const withAmount = { code: 'CODE7', discount: 'DISC7', amount: 'AMT7' };
      const included = { code: 'CODE7', discount: 'AMT7 off', amount: 'AMT7' };
      expect(formatMessage(pack.chip, withAmount)).toContain('AMT7');
      expect(formatMessage(pack.chip, included).split('AMT7')).toHaveLength(2);
      expect(formatMessage(pack.applied, included).split('AMT7')).toHaveLength(2);
      expect(formatMessage(pack.rejections.order_rules_violated!, { code: 'CODE7' })).not.toContain('AMT7');
    });
  });
});

describe('promotion texts: every pack carries them under `promotions`', () => {
  const flatPromotions = (messages: PromotionMessagesInput) => {
    const { reasons, ...top } = messages;
    return { ...top, ...Object.fromEntries(Object.entries(reasons ?? {}).map(([k, v]) => [`reasons.${k}`, v])) } as Record<string, Message>;
  };
  const english = flatPromotions(defaultPromotionMessages);
  const params = { code: 'CODE7', amount: 'AMT7', name: 'NAME7', other: 'OTHER7', category: 'CAT7', count: 37, locale: 'en-US' };
  const used = (text: string) => ['CODE7', 'AMT7', 'NAME7', 'OTHER7', 'CAT7', '37'].filter((s) => text.includes(s));
  const render = (message: Message, lang: string) => formatMessage(message, params as Partial<MessageParams>, lang);

  it('English: the seven SKIPPED keys of Voucherify and a fallback', () => {
    expect(Object.keys(defaultPromotionMessages.reasons).sort()).toEqual([
      'applicable_exclusive_redeemables_limit_exceeded',
      'applicable_exclusive_redeemables_per_category_limit_exceeded',
      'applicable_redeemables_limit_exceeded',
      'applicable_redeemables_per_category_limit_exceeded',
      'exclusion_rules_not_met',
      'no_effect',
      'preceding_validation_failed',
      'unknown',
    ]);
  });

  it.each(Object.entries(packs).filter(([lang]) => lang !== 'en'))('%s has every promotion text, in its language, with the same placeholders', (lang, pack) => {
    const messages = flatPromotions(pack.promotions ?? {});
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(messages)) {
      const text = render(message, lang);
      expect(used(text), `${lang} ${key}: ${text}`).toEqual(used(render(english[key]!, 'en')));
      expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}|undefined|NaN/);
      if (key !== 'applied' && !(lang === 'fr' && key === 'listLabel')) expect(text, `${lang} ${key} is still English`).not.toBe(render(english[key]!, 'en'));
    }
  });
});

describe('plurals and numbers through Intl', () => {
  const unit = (messages: VoucherMessages, count: number, locale: string) =>
    formatMessage(messages.discountUnit, { value: new Intl.NumberFormat(locale).format(count), count, locale }, messages.locale);

  it('English: one item, two items; a rate limit with and without seconds; no "(s)"', () => {
    expect(unit(defaultMessages, 1, 'en-US')).toBe('1 free item');
    expect(unit(defaultMessages, 2, 'en-US')).toBe('2 free items');
    const wait = (seconds: number) => formatMessage(defaultMessages.errors.rate_limited, { seconds, count: seconds, locale: 'en-US' }, 'en');
    expect(wait(0)).toBe('Too many attempts. Wait a moment and try again');
    expect(wait(1)).toBe('Too many attempts. Wait 1 second and try again');
    expect(wait(30)).toBe('Too many attempts. Wait 30 seconds and try again');
  });

  it('Polish has one, few and many forms', () => {
    expect(unit(plMessages, 1, 'pl-PL')).toBe('1 darmowy produkt');
    expect(unit(plMessages, 3, 'pl-PL')).toBe('3 darmowe produkty');
    expect(unit(plMessages, 5, 'pl-PL')).toBe('5 darmowych produktów');
    expect(unit(plMessages, 22, 'pl-PL')).toBe('22 darmowe produkty');
  });

  it('numbers in texts follow the formatting locale; the forms follow the pack', () => {
    const tooLong = (messages: VoucherMessages, locale: string) =>
      formatMessage(messages.rejections.too_long!, { maxLength: 1200, count: 1200, locale }, messages.locale);
    expect(tooLong(defaultMessages, 'de-DE')).toBe('A promo code has at most 1.200 characters. Check the code and try again');
    expect(tooLong(deMessages, 'de-CH')).toBe("Ein Gutscheincode hat höchstens 1'200 Zeichen. Bitte prüfen Sie den Code");
    expect(tooLong(defaultMessages, 'en-US')).toBe('A promo code has at most 1,200 characters. Check the code and try again');
  });
});

const input = (name = 'Promo code') => screen.getByRole<HTMLInputElement>('textbox', { name });

describe('the field in a pack: rejections, announcements and errors in the language', () => {
  it('German: a rejection, an applied code with a euro saving, and a removal', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} />, { messages: deMessages, locale: 'de-DE', currency: 'EUR' });
    const user = userEvent.setup();
    await user.type(input('Gutscheincode'), 'EXPIRED{Enter}');
    await waitFor(() => expect(statusText()).toBe('EXPIRED ist abgelaufen'));
    await user.clear(input('Gutscheincode'));
    await user.type(input('Gutscheincode'), 'SAVE10{Enter}');
    await waitFor(() => expect(statusText().trim()).toBe('SAVE10 eingelöst: 10,00\u00a0€ Rabatt'));
    await user.click(screen.getByRole('button', { name: 'Code SAVE10 entfernen' }));
    await waitFor(() => expect(statusText().trim()).toBe('Code entfernt'));
  });

  it.each([
    ['pl', plMessages, 'pl-PL', 'PLN', 'Kod EXPIRED wygasł'],
    ['fr', frMessages, 'fr-FR', 'EUR', 'EXPIRED a expiré'],
  ] as const)('%s: the rejection is in the language', async (_, messages, locale, currency, text) => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} />, { messages, locale, currency });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox'), 'EXPIRED{Enter}');
    await waitFor(() => expect(statusText()).toBe(text));
  });
});

describe("the merchant's own texts (customMessage) only when the merchant says so", () => {
  const custom = 'Spend £50 to use this code';
  const withCustomRule = () =>
    sandbox.state.vouchers.set('CUSTOM', {
      code: 'CUSTOM',
      discount: { type: 'AMOUNT', amount_off: 500 },
      sandbox_rules: { min_order_amount: 5000, error_message: custom },
    });

  it('by default the shopper reads our text in the field’s language, and customMessage stays in the rejection', async () => {
    withCustomRule();
    const onRejected = vi.fn();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} onRejected={onRejected} />, {
      messages: deMessages,
      locale: 'de-DE',
      currency: 'EUR',
    });
    const user = userEvent.setup();
    await user.type(input('Gutscheincode'), 'CUSTOM{Enter}');
    await waitFor(() => expect(statusText()).toBe('Fügen Sie noch 10,00\u00a0€ hinzu, um CUSTOM zu nutzen'));
    expect(onRejected.mock.calls[0]?.[0]).toMatchObject({ key: 'order_rules_violated', customMessage: custom });
  });

  it.each([
    ['the dashboard language matches the field’s', ['en'], defaultMessages, custom],
    ['true', true, deMessages, custom],
    ['the dashboard texts are English, the field speaks German', ['en-GB'], deMessages, 'Fügen Sie noch 10,00\u00a0€ hinzu, um CUSTOM zu nutzen'],
  ] as const)('customMessages: %s', async (_, customMessages, messages, text) => {
    withCustomRule();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} />, { messages, locale: 'de-DE', currency: 'EUR', customMessages });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox'), 'CUSTOM{Enter}');
    await waitFor(() => expect(statusText()).toBe(text));
  });
});
