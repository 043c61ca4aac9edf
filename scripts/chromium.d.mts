/** Debian's package path, /usr/bin/chromium. */
export declare const DEBIAN_CHROMIUM: string;
/** Where playwright-core's registry puts its Chromium on this platform (installed or not); null without playwright-core. */
export declare function playwrightChromiumPath(): string | null;
export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  playwrightPath?: () => string | null;
}
export type ChromiumLookup = { path: string; source: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | { path: null; message: string };
/** `$CHROMIUM_PATH` (must exist), else Debian's /usr/bin/chromium, else Playwright's installed Chromium; never downloads. */
export declare function findChromium(options?: FindChromiumOptions): ChromiumLookup;
/** The message naming the three ways when no Chromium was found; null when one was. */
export declare const chromiumMissing: string | null;
/** The Chromium every launcher uses (a best guess when none was found: see `chromiumMissing`). */
export declare const chromiumPath: string;
/** The flags every launcher of the project passes. */
export declare const chromiumArgs: string[];
