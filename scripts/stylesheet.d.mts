/** The stylesheet at `path` with its relative `@import` lines replaced by the files they name (recursively). */
export function bundleStylesheet(path: string): string;
