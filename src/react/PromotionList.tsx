'use client';
import type { CSSProperties } from 'react';
import type { PromotionNudge } from './promotionLines.js';
import type { UsePromotionsResult } from './usePromotions.js';

/** Props of `PromotionList`. */
export interface PromotionListProps {
  /** What `usePromotions` returned. */
  promotions: UsePromotionsResult;
  /** Nudges from your server's `nudges()` (through your route); `usePromotions`' own when omitted. */
  nudges?: readonly PromotionNudge[];
  /** Lines to reserve room for before the first answer, so the page does not move when it comes. @default 1 */
  reserveLines?: number;
  /** Without the default theme (`data-unstyled`); the visually-hidden live region stays hidden. */
  unstyled?: boolean;
  className?: string;
  style?: CSSProperties;
}

/**
 * The cart's promotions as their own lines, beside the code field: applied ones with their saving ("10% off
 * orders over $100 — −$11.50") or "applied automatically", suggested ones with a checkbox, skipped ones with the
 * reason, a nudge ("Add $12.01 more for 10% off") when you pass nudges, and one polite live region that says when
 * a cart change makes a promotion start or stop applying. Lines stay while a changed cart is priced, and a line
 * that stops applying stays as "no longer applies" (or its nudge): the block does not jump.
 *
 * @example
 * const promotions = usePromotions({ order, codes })
 * <PromotionList promotions={promotions} nudges={nudges} />
 */
export const PromotionList = /* @__PURE__ */ Object.assign(PromotionListComponent, { displayName: 'PromotionList' });

function PromotionListComponent({ promotions, nudges, reserveLines = 1, unstyled = false, className, style }: PromotionListProps) {
  const lines = promotions.getLines(nudges);
  const waiting = lines.length === 0 && promotions.qualification.isPending;
  return (
    <div
      className={className ? `voucher-promotions ${className}` : 'voucher-promotions'}
      style={{ ...(waiting ? { minBlockSize: `calc(${reserveLines} * var(--voucherkit-promotion-line, 1.75em))` } : {}), ...style }}
      data-state={promotions.isPending ? 'pending' : 'idle'}
      data-unstyled={unstyled || undefined}
    >
      {lines.length > 0 && (
        <ul {...promotions.getListProps({ className: 'voucher-promotions__list' })}>
          {lines.map((line) => (
            <li key={line.id} {...promotions.getLineProps(line, { className: 'voucher-promotions__line' })}>
              {line.status === 'suggested' || (promotions.mode === 'suggest' && line.promotion) ? (
                <>
                  <input {...promotions.getToggleProps(line, { className: 'voucher-promotions__toggle' })} />
                  <label {...promotions.getToggleLabelProps(line, { className: 'voucher-promotions__label' })}>{line.text}</label>
                </>
              ) : (
                <span className="voucher-promotions__text">{line.text}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div {...promotions.getStatusProps({ className: 'voucher-field__sr-only' })}>{promotions.announcement}</div>
    </div>
  );
}
