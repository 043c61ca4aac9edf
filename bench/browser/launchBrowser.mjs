// The project's Chromium (scripts/chromium.mjs) through playwright-core: never a downloaded browser.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumMissing, chromiumPath } from '../../scripts/chromium.mjs';

/** Headless Chromium with the project's usual flags. */
export function launchBrowser() {
  if (chromiumMissing) throw new Error(chromiumMissing);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
}

/** A fresh context (no cookies, no preflight cache, no HTTP cache) with a desktop viewport. */
export function newContext(browser) {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
}

/** Slows the page's main thread `rate` times through the DevTools protocol (the phone case at 4). */
export async function throttleCpu(page, rate) {
  if (rate === 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A throttle to switch on and off around one interaction; the emulation outlives navigations of the tab. */
export async function cpuThrottle(page, rate) {
  if (rate === 1) return { rate, set: async () => {} };
  const cdp = await page.context().newCDPSession(page);
  return { rate, set: (value) => cdp.send('Emulation.setCPUThrottlingRate', { rate: value }) };
}
