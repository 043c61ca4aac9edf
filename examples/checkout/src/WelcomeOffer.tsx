import { useState } from 'react';
import { useVoucherify } from 'voucherkit';
import { looksLikeEmail } from './ContactFields.js';
import { requestWelcomeCode } from './orderApi.js';

interface WelcomeOfferProps {
  codes: string[];
  onCodesChange(codes: string[]): void;
}

/**
 * "Get 10% off your first order": the demo's server publishes the signed-in shopper's own code (the `welcome`
 * campaign, holder only; the demo's sign-in is the e-mail field) and the page adds it to the field's codes, which
 * validates it like a typed code. The same shopper asking again gets the same code (`join_once`).
 */
export function WelcomeOffer({ codes, onCodesChange }: WelcomeOfferProps) {
  const { identity } = useVoucherify();
  const [isLoading, setLoading] = useState(false);
  const [note, setNote] = useState<{ text: string; isProblem: boolean } | null>(null);
  const signedIn = identity !== null && looksLikeEmail(identity);

  async function getCode() {
    if (isLoading) return;
    if (!signedIn) {
      setNote({ text: 'Enter your e-mail in Contact first: it is how this demo signs you in.', isProblem: true });
      return;
    }
    setLoading(true);
    setNote(null);
    try {
      const { code } = await requestWelcomeCode(identity);
      if (!codes.includes(code)) onCodesChange([...codes, code]);
      setNote({ text: `Your welcome code ${code} is yours only: it applies for ${identity}.`, isProblem: false });
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : String(error), isProblem: true });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="welcome-offer">
      <button type="button" className="shop-button shop-button-secondary" aria-disabled={isLoading || undefined} onClick={() => void getCode()}>
        {isLoading ? 'Getting your code…' : 'Get 10% off your first order'}
      </button>
      <p className={note?.isProblem ? 'shop-error' : 'shop-hint'} role={note?.isProblem ? 'alert' : 'status'}>
        {note?.text ?? ''}
      </p>
    </div>
  );
}
