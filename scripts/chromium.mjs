// The one place that finds the Chromium every launcher of the project uses (Vitest's browser projects, the
// end-to-end tests, the screenshots, the bench), and the one set of flags they pass. Nothing here downloads a
// browser: it only looks, in order, at $CHROMIUM_PATH, Debian's chromium, then a Chromium Playwright installed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's package (`apt-get install chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Where playwright-core's registry puts its Chromium for this platform (macOS, Windows, Linux), whether or not it is
 * installed; null when playwright-core is absent or knows no path here. It only computes the path.
 */
export function playwrightChromiumPath() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

const THREE_WAYS = [
  'Give the browser tests and the bench a Chromium in one of three ways:',
  '  1. set CHROMIUM_PATH to a Chromium or Chrome executable (macOS: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");',
  `  2. on Debian or Ubuntu, install the chromium package (apt-get install chromium): ${DEBIAN_CHROMIUM};`,
  "  3. install Playwright's Chromium yourself (npx playwright install chromium), found where playwright-core expects it.",
  'Nothing in this project downloads a browser on its own.',
].join('\n');

/**
 * Finds Chromium: `$CHROMIUM_PATH` (which must then exist), else Debian's /usr/bin/chromium, else Playwright's
 * installed Chromium. `exists` and `playwrightPath` are injectable for tests.
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean, playwrightPath?: () => string | null }} [options]
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | { path: null, message: string }}
 */
export function findChromium({ env = process.env, exists = existsSync, playwrightPath = playwrightChromiumPath } = {}) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    return { path: null, message: `Chromium not found: CHROMIUM_PATH is set to ${fromEnv}, which does not exist.\n${THREE_WAYS}` };
  }
  if (exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  // Only now: loading playwright-core costs time every launcher would otherwise pay.
  const playwright = playwrightPath();
  if (playwright && exists(playwright)) return { path: playwright, source: 'playwright' };
  const looked = [`CHROMIUM_PATH (not set)`, DEBIAN_CHROMIUM, playwright ?? "Playwright's Chromium (playwright-core gave no path)"];
  return { path: null, message: `Chromium not found (looked at: ${looked.join(', ')}).\n${THREE_WAYS}` };
}

const found = findChromium();

/** The message naming the three ways when no Chromium was found; null when one was. */
export const chromiumMissing = found.path === null ? found.message : null;

/**
 * The Chromium every launcher uses. When none was found it is still a string (what $CHROMIUM_PATH or Debian would
 * be), so loading a config never throws; `npm test` and the bench stop first with `chromiumMissing`.
 */
export const chromiumPath = found.path ?? process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

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
