import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createTracker, createValidationClient, VoucherField, VoucherProvider, useVoucherify } from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';

const keys = { clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken };

function TrackingId() {
  return <output>{useVoucherify().trackingId ?? 'none'}</output>;
}

describe('server rendering (node: no window, no document)', () => {
  it('runs where there is no DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders the provider and the collapsed field: the toggle, the hidden panel and the empty status region', () => {
    const html = renderToString(
      <VoucherProvider {...keys}>
        <VoucherField id="promo" />
      </VoucherProvider>,
    );
    expect(html).toBe(
      '<div class="voucher-field" data-state="idle">' +
        '<button type="button" aria-expanded="false" aria-controls="promo-panel" class="voucher-field__toggle">Have a promo code?</button>' +
        '<div id="promo-panel" hidden="" class="voucher-field__panel">' +
        '<label id="promo-label" for="promo-input" class="voucher-field__label">Promo code</label>' +
        '<div class="voucher-field__row">' +
        '<input id="promo-input" type="text" autoComplete="off" autoCorrect="off" autoCapitalize="none" spellCheck="false" enterKeyHint="done" class="voucher-field__input" value=""/>' +
        '<button type="button" class="voucher-field__apply">Apply</button>' +
        '</div></div>' +
        '<div id="promo-status" role="status" aria-live="polite" aria-atomic="true" class="voucher-field__sr-only"></div>' +
        '</div>',
    );
  });

  it('an open field with a hint, custom texts and no toggle', () => {
    const html = renderToString(
      <VoucherProvider {...keys} messages={{ label: 'Gift or promo code', hint: 'Find it in your e-mail' }}>
        <VoucherField id="p" hideToggle unstyled className="checkout__promo" />
      </VoucherProvider>,
    );
    expect(html).toContain('<div class="voucher-field checkout__promo" data-state="idle" data-unstyled="true">');
    expect(html).not.toContain('aria-expanded');
    expect(html).toContain('<div id="p-panel" class="voucher-field__panel">');
    expect(html).toContain('<label id="p-label" for="p-input" class="voucher-field__label">Gift or promo code</label>');
    expect(html).toContain('<p id="p-hint" class="voucher-field__hint">Find it in your e-mail</p>');
    expect(html).toContain('aria-describedby="p-hint"');
    expect(html).not.toContain('aria-invalid');
  });

  it('uses initialTrackingId so the server markup matches the client (read with readTrackingId)', () => {
    const html = renderToString(
      <VoucherProvider {...keys} initialTrackingId="track_9B0kB92+bJa8a+PegaWREw==">
        <TrackingId />
      </VoucherProvider>,
    );
    expect(html).toBe('<output>track_9B0kB92+bJa8a+PegaWREw==</output>');
  });

  it('with an injected client, the server renders the id its tracker will send, not one of its own', () => {
    const tracker = createTracker({ initialTrackingId: 'track_9B0kB92+bJa8a+PegaWREw==' });
    const client = createValidationClient({ ...keys, tracker });
    const html = renderToString(
      <VoucherProvider {...keys} client={client}>
        <TrackingId />
      </VoucherProvider>,
    );
    expect(html).toBe(`<output>${tracker.getSnapshot().outgoingId}</output>`);
    expect(html).toBe('<output>track_9B0kB92+bJa8a+PegaWREw==</output>');
  });

  it('consent false: initialTrackingId is not rendered', () => {
    const html = renderToString(
      <VoucherProvider {...keys} consent={false} initialTrackingId="track_9B0kB92+bJa8a+PegaWREw==">
        <TrackingId />
      </VoucherProvider>,
    );
    expect(html).toBe('<output>none</output>');
  });

  it.each(['"><script>alert(1)</script>', 'vip@example.com'])(
    'an initialTrackingId that is not one Voucherify issued (%s) is ignored, not rendered',
    (initialTrackingId) => {
      const html = renderToString(
        <VoucherProvider {...keys} initialTrackingId={initialTrackingId}>
          <TrackingId />
        </VoucherProvider>,
      );
      expect(html).toBe('<output>none</output>');
    },
  );

  it('initialCode renders the field open with nothing applied yet (the check runs after hydration)', () => {
    const html = renderToString(
      <VoucherProvider {...keys}>
        <VoucherField id="x" initialCode="SAVE10" />
      </VoucherProvider>,
    );
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain('<div id="x-panel" class="voucher-field__panel">');
    expect(html).toContain('<div id="x-status" role="status" aria-live="polite" aria-atomic="true" class="voucher-field__sr-only"></div>');
  });
});
