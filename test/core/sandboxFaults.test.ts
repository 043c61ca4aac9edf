import { describe, expect, it } from 'vitest';
import { sandboxClient } from './sandboxClient.js';
import { rejection } from '../support/rejection.js';

describe('validate: sandbox faults go through the retry policy and typed errors', () => {
  it('503 twice, then 200: resolves after three calls', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'status', status: 503, path: '/client/v1/validations', times: 2 });
    await expect(client.validate({ code: 'SAVE10', order: { amount: 4000 } })).resolves.toMatchObject({ valid: true });
    expect(sandbox.state.requests.filter((r) => r.path === '/client/v1/validations')).toHaveLength(3);
  });

  it('500 is not retried', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'status', status: 500 });
    expect(await rejection(client.validate({ code: 'SAVE10' }))).toMatchObject({ kind: 'api', status: 500 });
    expect(sandbox.state.requests).toHaveLength(1);
  });

  it('429 is rate_limited with retryAfterMs from the headers, and called once', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'rate_limit', retryAfterSeconds: 3 });
    expect(await rejection(client.validate({ code: 'SAVE10' }))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 3000 });
    expect(sandbox.state.requests).toHaveLength(1);
  });

  it('malformed JSON is invalid_response', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'malformed_json' });
    expect((await rejection(client.validate({ code: 'SAVE10' }))).kind).toBe('invalid_response');
  });

  it('a hung answer times out', async () => {
    const { client, sandbox } = sandboxClient({ client: { timeoutMs: 20 } });
    sandbox.setFaults({ kind: 'hang' });
    expect((await rejection(client.validate({ code: 'SAVE10' }))).kind).toBe('timeout');
  });

  it('aborting a hung call rejects with the abort reason', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'hang' });
    const controller = new AbortController();
    const reason = new Error('user typed another code');
    const pending = client.validate({ code: 'SAVE10', signal: controller.signal });
    await Promise.resolve();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
