// scripts/chromium.mjs: which Chromium `npm test`, the browser projects and the bench launch, on Debian, macOS and
// Windows alike, with existence injected (no file system, no playwright-core, never a download).
import { describe, expect, it, vi } from 'vitest';
import { DEBIAN_CHROMIUM, findChromium } from '../../scripts/chromium.mjs';

const MAC_PLAYWRIGHT =
  '/Users/ada/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
const WINDOWS_PLAYWRIGHT = 'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';

/** A file system holding exactly `files`. */
const only = (...files: string[]) => vi.fn((path: string) => files.includes(path));

describe('findChromium', () => {
  it('takes $CHROMIUM_PATH first, without looking further', () => {
    const playwrightPath = vi.fn(() => MAC_PLAYWRIGHT);
    const found = findChromium({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, exists: only('/opt/chrome/chrome', DEBIAN_CHROMIUM), playwrightPath });
    expect(found).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
    expect(playwrightPath).not.toHaveBeenCalled();
  });

  it('a $CHROMIUM_PATH that does not exist is an error naming it, not a silent fallback', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: '/nope/chrome' }, exists: only(DEBIAN_CHROMIUM), playwrightPath: () => null });
    expect(found.path).toBeNull();
    expect(found).toHaveProperty('message', expect.stringContaining('CHROMIUM_PATH is set to /nope/chrome, which does not exist'));
  });

  it("then Debian's /usr/bin/chromium, without loading playwright-core", () => {
    const playwrightPath = vi.fn(() => MAC_PLAYWRIGHT);
    expect(findChromium({ env: {}, exists: only(DEBIAN_CHROMIUM, MAC_PLAYWRIGHT), playwrightPath })).toEqual({ path: DEBIAN_CHROMIUM, source: 'debian' });
    expect(playwrightPath).not.toHaveBeenCalled();
  });

  it.each([
    ['macOS', MAC_PLAYWRIGHT],
    ['Windows', WINDOWS_PLAYWRIGHT],
  ])('then a Chromium Playwright installed (%s), where playwright-core says it is', (_platform, path) => {
    const exists = only(path);
    expect(findChromium({ env: {}, exists, playwrightPath: () => path })).toEqual({ path, source: 'playwright' });
    expect(exists).toHaveBeenCalledWith(path);
  });

  it('a Playwright path whose browser is not installed does not count', () => {
    expect(findChromium({ env: {}, exists: only(), playwrightPath: () => MAC_PLAYWRIGHT }).path).toBeNull();
  });

  it('otherwise one message that names the three ways and where it looked', () => {
    const found = findChromium({ env: {}, exists: only(), playwrightPath: () => WINDOWS_PLAYWRIGHT });
    if (found.path !== null) throw new Error('expected no Chromium');
    expect(found.message).toContain('1. set CHROMIUM_PATH');
    expect(found.message).toContain('2. on Debian or Ubuntu, install the chromium package (apt-get install chromium): /usr/bin/chromium');
    expect(found.message).toContain('3. install Playwright');
    expect(found.message).toContain('npx playwright install chromium');
    expect(found.message).toContain(WINDOWS_PLAYWRIGHT);
    expect(found.message).toContain('Nothing in this project downloads a browser on its own.');
  });

  it('without playwright-core (no path) the message still names the three ways', () => {
    const found = findChromium({ env: {}, exists: only(), playwrightPath: () => null });
    expect(found).toHaveProperty('message', expect.stringMatching(/playwright-core gave no path[\s\S]*1\. [\s\S]*2\. [\s\S]*3\. /));
  });
});

describe('the real lookup', () => {
  it('playwright-core only computes a path: no browser is fetched, and the result is a string or null', async () => {
    const { playwrightChromiumPath } = await import('../../scripts/chromium.mjs');
    const path = playwrightChromiumPath();
    expect(path === null || typeof path === 'string').toBe(true);
  });
});
