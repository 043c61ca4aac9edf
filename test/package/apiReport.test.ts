import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReport, entries } from './apiReport.js';

// Issue 13: the exported names and their types, per entry, pinned. Any added, removed or changed export fails
// here until the report is regenerated (`npm run api-report`) and the change is reviewed with it.
const reportPath = fileURLToPath(new URL('./api-report.md', import.meta.url));

describe('the public API', () => {
  it('matches the committed report, entry by entry (regenerate with `npm run api-report`)', () => {
    const report = apiReport();
    if (process.env.VOUCHERKIT_UPDATE_API_REPORT === '1') writeFileSync(reportPath, report);
    expect(existsSync(reportPath), 'test/package/api-report.md is missing: run `npm run api-report`').toBe(true);
    const committed = readFileSync(reportPath, 'utf8');
    for (const entry of Object.keys(entries)) {
      const section = (text: string) => text.split(`## ${entry}\n`)[1]?.split('\n## ')[0];
      expect(section(report), `exports of ${entry}`).toBe(section(committed));
    }
    expect(report).toBe(committed);
  }, 60_000);

  it('voucherkit/core carries no transport internals', () => {
    const core = apiReport().split('## voucherkit/core\n')[1]!.split('\n## ')[0]!;
    for (const internal of [
      'call',
      'callNoContent',
      'normalizeApiUrl',
      'backoffDelay',
      'toLegacyQuery',
      'retryAfterMs',
      'defaultRetryPolicy',
      'fromStackableValidation',
      'withSessionKey',
    ]) {
      expect(core, internal).not.toMatch(new RegExp(`^(value|class) ${internal}\\b`, 'm'));
    }
  }, 60_000);
});
