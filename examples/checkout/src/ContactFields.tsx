import { useId, useState } from 'react';
import { useVoucherify } from 'voucherkit';

interface ContactFieldsProps {
  /** On the sandbox, the hint names the seeded personal code. */
  isSandbox: boolean;
  email: string;
  onEmailChange(email: string): void;
  consent: boolean;
  onConsentChange(consent: boolean): void;
}

/** A light check before an e-mail becomes the shopper's identity. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * The shopper's e-mail, which becomes their Voucherify identity once they leave the field, and the cookie choice.
 * The raw e-mail is only ever sent; what the browser stores is Voucherify's hashed tracking id.
 */
export function ContactFields({ isSandbox, email, onEmailChange, consent, onConsentChange }: ContactFieldsProps) {
  const id = useId();
  const { identity, setIdentity, clearIdentity } = useVoucherify();
  const [isInvalid, setInvalid] = useState(false);

  const commit = () => {
    const value = email.trim();
    if (value === '') {
      setInvalid(false);
      if (identity) clearIdentity();
      return;
    }
    const valid = looksLikeEmail(value);
    setInvalid(!valid);
    if (valid && value !== identity) setIdentity(value);
  };

  return (
    <div className="contact">
      <div className="shop-field">
        <label htmlFor={`${id}-email`}>E-mail</label>
        <p id={`${id}-email-hint`} className="shop-hint">
          For your receipt. Personal codes need it{isSandbox ? ': VIPONLY works for vip@example.com' : ''}.
        </p>
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          aria-invalid={isInvalid || undefined}
          aria-describedby={`${id}-email-hint${isInvalid ? ` ${id}-email-error` : ''}`}
          onChange={(event) => {
            onEmailChange(event.target.value);
            setInvalid(false);
          }}
          onBlur={commit}
        />
        {isInvalid ? (
          <p id={`${id}-email-error`} className="shop-error">
            <span className="visually-hidden">Error: </span>Enter an e-mail address like name@example.com
          </p>
        ) : null}
      </div>
      <div className="shop-check">
        <input
          id={`${id}-consent`}
          type="checkbox"
          checked={consent}
          onChange={(event) => onConsentChange(event.target.checked)}
          aria-describedby={`${id}-consent-hint`}
        />
        <div>
          <label htmlFor={`${id}-consent`}>Remember my promotions on this device</label>
          <p id={`${id}-consent-hint`} className="shop-hint">
            Keeps an anonymous id in the <code>voucherify_tracking_id</code> cookie for 180 days. Off: kept for this visit only.
          </p>
        </div>
      </div>
    </div>
  );
}
