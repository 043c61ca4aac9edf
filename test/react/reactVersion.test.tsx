import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, test } from 'vitest';

// The same suite runs in the `jsdom` project (React 19) and the `react18` project (React 18): this pins which
// React each project really loaded, so a broken alias cannot make both runs test React 19.
test('the suite runs on the React its project names', () => {
  expect(process.env.VOUCHERKIT_EXPECT_REACT).toMatch(/^1[89]$/);
  expect(version.split('.')[0]).toBe(process.env.VOUCHERKIT_EXPECT_REACT);
  expect(domVersion).toBe(version);
});
