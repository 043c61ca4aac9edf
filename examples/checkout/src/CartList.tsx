import { useId } from 'react';
import { CATALOGUE, MAX_QUANTITY, type CartLine } from './catalogue.js';
import { money } from './money.js';

interface CartListProps {
  cart: readonly CartLine[];
  onQuantityChange(productId: string, quantity: number): void;
}

/** The cart: one row per product, with a quantity the shopper can change. */
export function CartList({ cart, onQuantityChange }: CartListProps) {
  const id = useId();
  return (
    <ul className="cart" aria-label="Items in your cart">
      {cart.map((line) => {
        const product = CATALOGUE.find((candidate) => candidate.id === line.productId);
        if (!product) return null;
        const inputId = `${id}-${product.id}`;
        return (
          <li key={product.id} className="cart-line" data-empty={line.quantity === 0 || undefined}>
            <div className="cart-thumb" aria-hidden="true">
              {product.name.slice(0, 1)}
            </div>
            <div className="cart-text">
              <p className="cart-name">{product.name}</p>
              <p className="cart-description">
                {product.description} · {money(product.price)} each
              </p>
            </div>
            <div className="cart-quantity">
              <label htmlFor={inputId}>
                Qty<span className="visually-hidden"> of {product.name}</span>
              </label>
              <input
                id={inputId}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_QUANTITY}
                value={line.quantity}
                onChange={(event) => {
                  const quantity = Math.round(Number(event.target.value));
                  if (Number.isFinite(quantity)) onQuantityChange(product.id, Math.min(Math.max(quantity, 0), MAX_QUANTITY));
                }}
              />
            </div>
            <p className="cart-amount">{money(product.price * line.quantity)}</p>
          </li>
        );
      })}
    </ul>
  );
}
