import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useId, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { useVoucherify, VoucherField, VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { cart } from './support/carts.js';
import { enterCode, SLOW } from './support/play.js';
import './support/recipes.css';

const COOKIE = 'voucherify_tracking_id';

/** The raw cookie value as the browser stores it (URI-encoded), re-read as it changes. */
function useCookieValue(name: string): string | null {
  const read = () =>
    document.cookie
      .split('; ')
      .find((pair) => pair.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? null;
  const [value, setValue] = useState(read);
  useEffect(() => {
    // Cookies have no change event in every browser; a short poll is fine for an inspector.
    const timer = setInterval(() => setValue(read()), 200);
    return () => clearInterval(timer);
  });
  return value;
}

/** What the tracker knows, live: identity (memory only), tracking id, consent and the cookie itself. */
function TrackerInspector() {
  const { identity, trackingId, consent, setIdentity, clearIdentity } = useVoucherify();
  const cookie = useCookieValue(COOKIE);
  const [email, setEmail] = useState('');
  const id = useId();
  return (
    <div className="inspector">
      <form
        className="inspector__identity"
        onSubmit={(event) => {
          event.preventDefault();
          if (email.trim()) setIdentity(email.trim());
          else clearIdentity();
        }}
      >
        <label htmlFor={`${id}-email`}>Shopper e-mail</label>
        <input id={`${id}-email`} type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        <button type="submit">Set identity</button>
      </form>
      <dl className="inspector__state">
        <dt id={`${id}-identity`}>Identity (memory only)</dt>
        <dd aria-labelledby={`${id}-identity`}>{identity ?? 'anonymous'}</dd>
        <dt id={`${id}-tracking`}>Tracking id</dt>
        <dd aria-labelledby={`${id}-tracking`}>{trackingId ?? 'none yet'}</dd>
        <dt id={`${id}-consent`}>Consent</dt>
        <dd aria-labelledby={`${id}-consent`}>{consent ? 'granted: cookie allowed' : 'withheld: memory only'}</dd>
        <dt id={`${id}-cookie`}>Cookie {COOKIE}</dt>
        <dd aria-labelledby={`${id}-cookie`}>{cookie ?? 'not set'}</dd>
      </dl>
    </div>
  );
}

/** The provider with its props as controls, the field and the inspector inside it. */
function ProviderPlayground(props: VoucherProviderProps) {
  return (
    <VoucherProvider {...props}>
      <div style={{ display: 'grid', gap: 24, maxWidth: 560 }}>
        <VoucherField order={cart} />
        <TrackerInspector />
      </div>
    </VoucherProvider>
  );
}

const meta = {
  title: 'Voucher/VoucherProvider',
  component: VoucherProvider,
  render: (args) => <ProviderPlayground {...args} />,
  args: {
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    apiUrl: 'https://api.voucherify.io',
    consent: true,
    currency: 'USD',
    locale: 'en-US',
  },
  parameters: {
    // This story renders its own provider, with the args as props.
    voucherProvider: false,
    docs: {
      description: {
        component:
          'Holds the client, the shopper identity and the tracking id. The first validation returns a hashed ' +
          '`tracking_id` that is adopted and, with consent, kept URI-encoded in the `voucherify_tracking_id` cookie; ' +
          'the raw identity is only ever sent, never stored. The inspector below shows it all live.',
      },
    },
  },
} satisfies Meta<typeof VoucherProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

const byName = (name: string) => ({ name });

/** Anonymous shopper: the first validation issues a tracking id, adopted and stored in the cookie. */
export const TrackingCookie: Story = {
  play: async (context) => {
    const { canvas } = context;
    await expect(canvas.getByRole('definition', byName('Tracking id'))).toHaveTextContent('none yet');
    await expect(canvas.getByRole('definition', byName(`Cookie ${COOKIE}`))).toHaveTextContent('not set');
    await enterCode(context, 'SAVE10');
    await canvas.findByRole('button', { name: 'Remove code SAVE10' }, SLOW);
    const tracking = canvas.getByRole('definition', byName('Tracking id'));
    await waitFor(() => expect(tracking).toHaveTextContent(/^track_/));
    // The cookie holds the same id, URI-encoded (ids contain / + =).
    await waitFor(() => expect(decodeURIComponent(canvas.getByRole('definition', byName(`Cookie ${COOKIE}`)).textContent ?? '')).toBe(tracking.textContent));
  },
};

/** setIdentity: the e-mail is sent, never stored; Voucherify answers with the hashed id that replaces the old one. */
export const IdentifiedShopper: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.type(canvas.getByRole('textbox', { name: 'Shopper e-mail' }), 'vip@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Set identity' }));
    await expect(canvas.getByRole('definition', byName('Identity (memory only)'))).toHaveTextContent('vip@example.com');
    await enterCode(context, 'VIPONLY');
    await canvas.findByRole('button', { name: 'Remove code VIPONLY' }, SLOW);
    const cookie = canvas.getByRole('definition', byName(`Cookie ${COOKIE}`));
    await waitFor(() => expect(cookie).toHaveTextContent(/^track_/));
    await expect(decodeURIComponent(document.cookie)).not.toContain('vip@example.com');
  },
};

/** consent={false}: the id lives in memory for this page only and no cookie is written. */
export const ConsentWithheld: Story = {
  args: { consent: false },
  play: async (context) => {
    const { canvas } = context;
    await enterCode(context, 'SAVE10');
    await canvas.findByRole('button', { name: 'Remove code SAVE10' }, SLOW);
    await waitFor(() => expect(canvas.getByRole('definition', byName('Tracking id'))).toHaveTextContent(/^track_/));
    await expect(canvas.getByRole('definition', byName('Consent'))).toHaveTextContent('withheld');
    await expect(canvas.getByRole('definition', byName(`Cookie ${COOKIE}`))).toHaveTextContent('not set');
    await expect(document.cookie).not.toContain(COOKIE);
  },
};
