import { useId } from 'react';

interface PaymentFieldsProps {
  simulateDecline: boolean;
  onSimulateDeclineChange(simulateDecline: boolean): void;
}

/**
 * The demo's stand-in for a card form: no card is charged, and one box makes the fake payment fail after the
 * redeem, to show the server rolling the redemption back.
 */
export function PaymentFields({ simulateDecline, onSimulateDeclineChange }: PaymentFieldsProps) {
  const id = useId();
  return (
    <div className="contact">
      <p className="shop-hint">Demo shop: no card is asked for and nothing is charged.</p>
      <div className="shop-check">
        <input
          id={`${id}-decline`}
          type="checkbox"
          name="simulateDecline"
          checked={simulateDecline}
          onChange={(event) => onSimulateDeclineChange(event.target.checked)}
          aria-describedby={`${id}-decline-hint`}
        />
        <div>
          <label htmlFor={`${id}-decline`}>Simulate a declined card</label>
          <p id={`${id}-decline-hint`} className="shop-hint">
            The payment fails after your code is redeemed; the server then rolls the redemption back, so the code is not used.
          </p>
        </div>
      </div>
    </div>
  );
}
