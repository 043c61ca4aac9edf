'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * Portuguese texts for every key of the English messages: `voucherkit/messages/pt`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { ptMessages } from 'voucherkit/messages/pt';
 * <VoucherProvider messages={ptMessages} locale="pt-BR" currency="BRL" clientApplicationId={id} clientToken={token} />
 */
export const ptMessages: VoucherMessages = {
  locale: 'pt',
  toggle: 'Tem um código promocional?',
  label: 'Código promocional',
  hint: '',
  placeholder: '',
  apply: 'Aplicar',
  applying: 'Aplicando…',
  remove: 'Remover',
  removeLabel: 'Remover o código {code}',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} aplicado: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, você economiza ${p.amount}` : ''}`,
  removed: 'Código removido',
  checking: 'Verificando o código…',
  errorPrefix: 'Erro:',
  discountPercent: '{value} de desconto',
  discountAmount: '{value} de desconto',
  discountFixed: 'Preço fixado em {value}',
  discountUnit: { one: '{value} item grátis', other: '{value} itens grátis' },
  discountGift: 'Cartão-presente {code} — saldo {value}, {amount} aplicados',
  giftAmountLabel: 'Valor a usar de {code} ({value})',
  giftAmountInvalid: 'Introduza um valor até {amount}',
  rejections: {
    empty: 'Insira um código promocional',
    too_long: {
      one: 'Um código promocional tem no máximo {maxLength} caractere. Verifique o código e tente novamente',
      other: 'Um código promocional tem no máximo {maxLength} caracteres. Verifique o código e tente novamente',
    },
    already_applied: '{code} já foi aplicado',
    duplicated_redeemables: '{code} já foi aplicado',
    not_found: 'Não encontramos {code}. Verifique o código no seu e-mail e tente novamente',
    voucher_expired: '{code} expirou',
    voucher_not_active: '{code} ainda não está ativo',
    voucher_not_active_now: '{code} não pode ser usado neste momento',
    promotion_inactive: '{code} ainda não está ativo',
    voucher_disabled: '{code} não está mais disponível',
    quantity_exceeded: '{code} atingiu o número máximo de usos',
    order_rules_violated: (p) => (p.amount ? `Adicione mais ${p.amount} para usar ${p.code}` : `Seu pedido não atende às condições de ${p.code}`),
    customer_rules_violated: '{code} não está disponível para sua conta',
    missing_customer: 'Entre na sua conta para usar {code}',
    redemption_rules_violated: '{code} não pode ser usado neste pedido',
    gift_amount_exceeded: '{code} não tem saldo suficiente',
    skipped: '{code} não pode ser combinado com seus outros códigos',
    unknown: '{code} não pode ser aplicado a este pedido',
  },
  errors: {
    network: 'Não foi possível verificar seu código. Verifique sua conexão e tente novamente',
    offline: 'Você está offline. Reconecte-se e tente novamente',
    timeout: 'A verificação do código demorou demais. Tente novamente',
    rate_limited: {
      '=0': 'Muitas tentativas. Aguarde um momento e tente novamente',
      one: 'Muitas tentativas. Aguarde {seconds} segundo e tente novamente',
      other: 'Muitas tentativas. Aguarde {seconds} segundos e tente novamente',
    },
    auth: 'Não é possível verificar códigos promocionais agora. Tente novamente mais tarde',
    invalid_response: 'Algo deu errado ao verificar seu código. Tente novamente',
    api: 'Algo deu errado ao verificar seu código. Tente novamente',
  },
  promotions: {
    listLabel: 'Promoções',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — aplicada automaticamente',
    suggest: 'Aplicar {name}',
    removed: '{name} — já não se aplica ao seu carrinho',
    nudge: 'Adicione mais {amount} para ter {name}',
    started: '{name} já se aplica',
    stopped: '{name} deixou de se aplicar',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Só é possível usar {count} desconto por encomenda, por isso {code} não foi aplicado',
        other: 'Só é possível usar {count} descontos por encomenda, por isso {code} não foi aplicado',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Só é possível usar {count} desconto de {category} por encomenda, por isso {code} não foi aplicado',
        other: 'Só é possível usar {count} descontos de {category} por encomenda, por isso {code} não foi aplicado',
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} não pode ser combinado com {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} não pode ser combinado com {other} de {category}',
      exclusion_rules_not_met: '{code} não pode ser combinado com {other}',
      preceding_validation_failed: '{code} não foi aplicado porque {other} não se aplica',
      no_effect: '{code} não desconta nada nesta encomenda',
      unknown: '{code} não pode ser combinado com os seus outros descontos',
    },
  },
};
