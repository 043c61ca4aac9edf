import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { VoucherField, VoucherProvider, type VoucherFieldProps, type VoucherProviderProps } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import 'voucherkit/styles.css';

const sandbox = createSandbox();
const worker = setupWorker(...sandboxHandlers(sandbox));
const COOKIE = 'voucherify_tracking_id';

/** Validation request bodies the worker sees, read as the browser sent them. */
const sent: Array<Record<string, unknown>> = [];
/** The listeners read bodies asynchronously: one may finish after its test; each test waits for them before the next. */
const reading = new Set<Promise<void>>();
const track = (work: Promise<void>) => {
  reading.add(work);
  void work.finally(() => reading.delete(work));
};
/** Requests still in flight, by id: the next test starts only once the last one's have ended. */
const inFlight = new Map<string, () => void>();
worker.events.on('request:start', ({ requestId }) => {
  track(new Promise<void>((resolve) => inFlight.set(requestId, resolve)));
});
worker.events.on('request:end', ({ requestId }) => {
  inFlight.get(requestId)?.();
  inFlight.delete(requestId);
});
worker.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname !== '/client/v1/validations') return;
  track(
    request
      .clone()
      .json()
      .then((body) => void sent.push(body as Record<string, unknown>)),
  );
});
/** Tracking ids the sandbox answered validations with (an anonymous shopper's id has no identity-table entry). */
const answeredIds: string[] = [];
worker.events.on('response:mocked', ({ request, response }) => {
  if (new URL(request.url).pathname !== '/client/v1/validations') return;
  track(
    response
      .clone()
      .json()
      .then(({ tracking_id }: { tracking_id?: string }) => void (tracking_id && answeredIds.push(tracking_id))),
  );
});

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(async () => {
  cleanup();
  // A request the last test left in flight ends here, not in the next test: its answer would land in the next test's
  // lists, and its tracker would write the next test's cookie. Bounded: the busy state's request never ends.
  await Promise.race([Promise.all(reading), new Promise((resolve) => setTimeout(resolve, 2000))]);
  sandbox.reset();
  sent.length = 0;
  answeredIds.length = 0;
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/`;
});
afterAll(() => worker.stop());

function mount(field: VoucherFieldProps = {}, provider: Partial<VoucherProviderProps> = {}) {
  const queryClient = new QueryClient();
  const ui = (props: VoucherFieldProps) => (
    <main>
      <h1>Checkout</h1>
      <form aria-label="Checkout" onSubmit={(event) => event.preventDefault()}>
        <VoucherProvider
          clientApplicationId={SANDBOX_KEYS.clientApplicationId}
          clientToken={SANDBOX_KEYS.clientToken}
          queryClient={queryClient}
          currency="GBP"
          locale="en-GB"
          {...provider}
        >
          <VoucherField order={{ amount: 4000 }} {...props} />
        </VoucherProvider>
      </form>
    </main>
  );
  const result = render(ui(field));
  return { ...result, update: (props: VoucherFieldProps) => result.rerender(ui({ ...field, ...props })) };
}

const status = () => (screen.getByRole('status').textContent ?? '').trim();
const textbox = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });

/** axe with WCAG 2.2 AA tags; violations and "needs review" both fail. */
async function expectAccessible(state: string) {
  const results = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  const summary = (list: axe.Result[]) => list.map((r) => `${r.id}: ${r.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ state, violations: summary(results.violations), incomplete: summary(results.incomplete) }).toEqual({ state, violations: [], incomplete: [] });
  expect(results.passes.length).toBeGreaterThan(0);
}

describe('VoucherField in Chromium: keyboard and focus', () => {
  it('Tab to the toggle, Enter opens and focuses the input, Enter applies, focus lands on Remove, Space removes', async () => {
    const onSubmit = vi.fn();
    mount();
    document.querySelector('form')?.addEventListener('submit', onSubmit);
    await userEvent.tab();
    const toggle = screen.getByRole('button', { name: 'Have a promo code?' });
    expect(document.activeElement).toBe(toggle);
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await userEvent.keyboard('PERCENT15{Enter}');
    const remove = await screen.findByRole('button', { name: 'Remove code PERCENT15' });
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(status()).toBe('PERCENT15 applied: 15% off, you save £6.00');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);

    await userEvent.keyboard(' ');
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    expect(status()).toBe('Code removed');
    expect(screen.queryByRole('button', { name: 'Remove code PERCENT15' })).toBeNull();
  });

  it('after a rejection focus stays in the input, which is marked invalid until the next keystroke', async () => {
    mount({ hideToggle: true });
    await userEvent.click(textbox());
    await userEvent.keyboard('EXPIRED');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(status()).toBe('EXPIRED has expired'));
    expect(document.activeElement).toBe(textbox());
    expect(textbox().getAttribute('aria-invalid')).toBe('true');
    await userEvent.keyboard('{Backspace}');
    expect(textbox().hasAttribute('aria-invalid')).toBe(false);
  });

  it('the Remove and toggle targets are at least 24×24 CSS px and the focus ring is visible', async () => {
    mount({ initialCode: 'SAVE10' });
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' });
    const box = remove.getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.tab();
    const outline = getComputedStyle(remove);
    expect(outline.outlineStyle).toBe('solid');
    expect(Number.parseFloat(outline.outlineWidth)).toBeGreaterThanOrEqual(2);
  });
});

// Block sizes, the one-row layout and late answers: VoucherFieldLayout.browser.test.tsx (issue 24).
describe('VoucherField in Chromium: layout', () => {
  it('mirrors in a right-to-left page (logical properties): Apply sits on the left of the input', () => {
    document.documentElement.dir = 'rtl';
    try {
      mount({ hideToggle: true });
      const field = textbox().getBoundingClientRect();
      const apply = screen.getByRole('button', { name: 'Apply' }).getBoundingClientRect();
      expect(apply.right).toBeLessThanOrEqual(field.left);
      expect(getComputedStyle(textbox()).direction).toBe('rtl');
    } finally {
      document.documentElement.dir = '';
    }
  });
});

describe('VoucherField in Chromium: the tracking cookie', () => {
  it('the browser writes voucherify_tracking_id (URI-encoded), and a fresh provider reads it and sends it back', async () => {
    const first = mount({ hideToggle: true });
    await userEvent.click(textbox());
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    // The worker's response event reads the body asynchronously: it may land after the chip renders.
    await waitFor(() => expect(answeredIds[0]).toMatch(/^track_/));
    const issued = answeredIds[0] as string;
    await waitFor(() => expect(document.cookie).toContain(`${COOKIE}=${encodeURIComponent(issued)}`));
    expect(sent[0]?.tracking_id).toBeUndefined();
    first.unmount();

    // A reload: a new provider, a new QueryClient, the same cookie jar.
    mount({ hideToggle: true });
    await userEvent.click(textbox());
    await userEvent.keyboard('PERCENT15{Enter}');
    await screen.findByRole('button', { name: 'Remove code PERCENT15' });
    expect(sent[1]?.tracking_id).toBe(issued);
    await userEvent.click(screen.getByRole('button', { name: 'Remove code PERCENT15' }));
    await waitFor(() => expect(status()).toBe('Code removed'));
  });

  it('consent false: nothing is written to document.cookie', async () => {
    mount({ hideToggle: true }, { consent: false });
    await userEvent.click(textbox());
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(document.cookie).not.toContain(COOKIE);
  });
});

describe('VoucherField in Chromium: axe (WCAG 2.2 AA), incomplete counts as failure', () => {
  it('collapsed', async () => {
    mount();
    await expectAccessible('collapsed');
  });

  it('open', async () => {
    mount({ defaultOpen: true, messages: { hint: 'Your code is in the welcome e-mail', placeholder: 'e.g. SPRING15' } });
    await expectAccessible('open');
  });

  it('error', async () => {
    mount({ hideToggle: true });
    await userEvent.click(textbox());
    await userEvent.keyboard('EXPIRED{Enter}');
    await waitFor(() => expect(textbox().getAttribute('aria-invalid')).toBe('true'));
    await expectAccessible('error');
  });

  it('applied (and a code that no longer applies)', async () => {
    const { update } = mount({ initialCode: 'MIN50', stacking: true, order: { amount: 6000 }, debounceMs: 0 });
    await screen.findByRole('button', { name: 'Remove code MIN50' });
    await userEvent.click(textbox());
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await expectAccessible('applied');
    update({ order: { amount: 4000 } });
    await waitFor(() => expect(status()).toBe('Add £10.00 more to use MIN50'));
    await expectAccessible('applied, one code no longer applies');
  });

  it('busy', async () => {
    sandbox.setFaults({ kind: 'hang', path: '/client/v1/validations' });
    mount({ hideToggle: true }, { timeoutMs: 60_000 });
    await userEvent.click(textbox());
    await userEvent.keyboard('SAVE10{Enter}');
    const apply = screen.getByRole('button', { name: 'Applying…' });
    expect(apply.getAttribute('aria-disabled')).toBe('true');
    expect(apply.hasAttribute('disabled')).toBe(false);
    await expectAccessible('busy');
  });
});
