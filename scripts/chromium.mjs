// Debian's Chromium, never a downloaded one: the one executable and the one set of flags that every launcher of the
// project uses (Vitest's browser projects, the end-to-end tests, the screenshots, the bench).
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and none of the background traffic a fresh profile starts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
