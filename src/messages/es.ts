'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * Spanish texts for every key of the English messages: `voucherkit/messages/es`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { esMessages } from 'voucherkit/messages/es';
 * <VoucherProvider messages={esMessages} locale="es-ES" currency="EUR" clientApplicationId={id} clientToken={token} />
 */
export const esMessages: VoucherMessages = {
  locale: 'es',
  toggle: '¿Tienes un código promocional?',
  label: 'Código promocional',
  hint: '',
  placeholder: '',
  apply: 'Aplicar',
  applying: 'Aplicando…',
  remove: 'Quitar',
  removeLabel: 'Quitar el código {code}',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} aplicado: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, ahorras ${p.amount}` : ''}`,
  removed: 'Código eliminado',
  checking: 'Comprobando el código…',
  errorPrefix: 'Error:',
  discountPercent: '{value} de descuento',
  discountAmount: '{value} de descuento',
  discountFixed: 'Precio fijado en {value}',
  discountUnit: { one: '{value} artículo gratis', other: '{value} artículos gratis' },
  discountGift: 'Tarjeta regalo {code} — saldo {value}, {amount} aplicados',
  giftAmountLabel: 'Importe a usar de {code} ({value})',
  giftAmountInvalid: 'Introduce un importe de hasta {amount}',
  rejections: {
    empty: 'Introduce un código promocional',
    too_long: {
      one: 'Un código promocional tiene como máximo {maxLength} carácter. Revisa el código e inténtalo de nuevo',
      other: 'Un código promocional tiene como máximo {maxLength} caracteres. Revisa el código e inténtalo de nuevo',
    },
    already_applied: '{code} ya está aplicado',
    duplicated_redeemables: '{code} ya está aplicado',
    not_found: 'No encontramos {code}. Revisa el código en tu correo e inténtalo de nuevo',
    voucher_expired: '{code} ha caducado',
    voucher_not_active: '{code} aún no está activo',
    voucher_not_active_now: '{code} no se puede usar en este momento',
    promotion_inactive: '{code} aún no está activo',
    voucher_disabled: '{code} ya no está disponible',
    quantity_exceeded: '{code} ha alcanzado su número máximo de usos',
    order_rules_violated: (p) => (p.amount ? `Añade ${p.amount} más para usar ${p.code}` : `Tu pedido no cumple las condiciones de ${p.code}`),
    customer_rules_violated: '{code} no está disponible para tu cuenta',
    missing_customer: 'Inicia sesión para usar {code}',
    redemption_rules_violated: '{code} no se puede usar con este pedido',
    gift_amount_exceeded: '{code} no tiene saldo suficiente',
    skipped: '{code} no se puede combinar con tus otros códigos',
    unknown: '{code} no se puede aplicar a este pedido',
  },
  errors: {
    network: 'No pudimos comprobar tu código. Revisa tu conexión e inténtalo de nuevo',
    offline: 'No tienes conexión. Vuelve a conectarte e inténtalo de nuevo',
    timeout: 'La comprobación del código tardó demasiado. Inténtalo de nuevo',
    rate_limited: {
      '=0': 'Demasiados intentos. Espera un momento e inténtalo de nuevo',
      one: 'Demasiados intentos. Espera {seconds} segundo e inténtalo de nuevo',
      other: 'Demasiados intentos. Espera {seconds} segundos e inténtalo de nuevo',
    },
    auth: 'Ahora no se pueden comprobar los códigos promocionales. Inténtalo más tarde',
    invalid_response: 'Algo salió mal al comprobar tu código. Inténtalo de nuevo',
    api: 'Algo salió mal al comprobar tu código. Inténtalo de nuevo',
  },
  promotions: {
    listLabel: 'Promociones',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — aplicada automáticamente',
    suggest: 'Aplicar {name}',
    removed: '{name} — ya no se aplica a tu carrito',
    nudge: 'Añade {amount} más para conseguir {name}',
    started: '{name} ya se aplica',
    stopped: '{name} ya no se aplica',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Solo se puede usar {count} descuento por pedido, así que {code} no se aplicó',
        other: 'Solo se pueden usar {count} descuentos por pedido, así que {code} no se aplicó',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Solo se puede usar {count} descuento de {category} por pedido, así que {code} no se aplicó',
        other: 'Solo se pueden usar {count} descuentos de {category} por pedido, así que {code} no se aplicó',
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} no se puede combinar con {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} no se puede combinar con {other} de {category}',
      exclusion_rules_not_met: '{code} no se puede combinar con {other}',
      preceding_validation_failed: '{code} no se aplicó porque {other} no se aplica',
      no_effect: '{code} no descuenta nada en este pedido',
      unknown: '{code} no se puede combinar con tus otros descuentos',
    },
  },
};
