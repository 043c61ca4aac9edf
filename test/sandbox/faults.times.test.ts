import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxFault } from 'voucherkit/sandbox';

// `times` is how many matching requests get the fault. `times: 0` counted down to -1 only after it had answered,
// so "no fault" fired once; a negative or fractional count did the same. Refused where a fault is set.

const status502 = (times: number): SandboxFault => ({ kind: 'status', status: 502, times });

describe('sandbox faults: times 0 fires once', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('createSandbox refuses times: %s with a TypeError naming it', (times) => {
    expect(() => createSandbox({ faults: [status502(times)] })).toThrow(TypeError);
    expect(() => createSandbox({ faults: [status502(times)] })).toThrow(/faults\[0\]\.times/);
  });

  it.each([0, -2, 0.5])('setFaults refuses times: %s, as one fault or in a list, and keeps the faults it had', async (times) => {
    const sandbox = createSandbox({ faults: [{ kind: 'status', status: 503, path: '/v1/customers' }] });
    expect(() => sandbox.setFaults(status502(times))).toThrow(/times/);
    expect(() => sandbox.setFaults([{ kind: 'latency', ms: 1 }, status502(times)])).toThrow(/faults\[1\]\.times/);
    expect(sandbox.state.faults).toEqual([{ kind: 'status', status: 503, path: '/v1/customers' }]);
  });

  it('times 1 answers once with the fault, then the route; omitted times never runs out', async () => {
    const sandbox = createSandbox({ faults: [{ ...status502(1), path: '/v1/customers/' }] });
    const get = () => sandbox.handle(new Request('https://sandbox.test/v1/customers/nobody', { headers: { 'X-App-Id': 'x' } }));
    expect((await get()).status).toBe(502);
    expect((await get()).status).not.toBe(502);
    sandbox.setFaults({ kind: 'status', status: 500 });
    for (let i = 0; i < 3; i += 1) expect((await get()).status).toBe(500);
  });
});
